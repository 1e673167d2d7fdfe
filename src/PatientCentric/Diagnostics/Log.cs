using Microsoft.Extensions.Logging;
using PatientCentric.Scoring;

namespace PatientCentric.Diagnostics;

/// <summary>Every log message of the core package, with fixed event ids (1000–1099; docs/telemetry.md lists them).
/// Messages carry strategy and measure keys, scope levels, counts and durations only: never a patient identifier, a name,
/// a scope key or a value from a record.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, EventName = "EvaluationCompleted", Level = LogLevel.Information,
        Message = "Evaluated a practice data set with profile {ProfileKey}: {CardCount} cards and {PatientCardCount} patient cards in {ElapsedMilliseconds:0.0} ms.")]
    public static partial void EvaluationCompleted(ILogger logger, string profileKey, int cardCount, int patientCardCount, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1001, EventName = "RecordsExcluded", Level = LogLevel.Debug,
        Message = "Measure {MeasureKey} at {ScopeLevel} level excluded {ExcludedCount} records; reason codes: {ReasonCodes}.")]
    public static partial void RecordsExcluded(ILogger logger, string measureKey, ScopeLevel scopeLevel, int excludedCount, string reasonCodes);

    [LoggerMessage(EventId = 1002, EventName = "GuardrailRefused", Level = LogLevel.Information,
        Message = "The role guardrail refused measure {MeasureKey} at {ScopeLevel} level: {Reason}")]
    public static partial void GuardrailRefused(ILogger logger, string measureKey, ScopeLevel scopeLevel, string reason);

    [LoggerMessage(EventId = 1003, EventName = "StrategyNotEnabled", Level = LogLevel.Warning,
        Message = "Strategy {StrategyKey} is registered but the profile in force, {ProfileKey}, does not enable it, so it never runs; add it to PatientCentric:Profiles:{ProfileKey}:EnabledStrategies to run it.")]
    public static partial void StrategyNotEnabled(ILogger logger, string strategyKey, string profileKey);

    [LoggerMessage(EventId = 1004, EventName = "EvaluationCancelled", Level = LogLevel.Information,
        Message = "An evaluation with profile {ProfileKey} was cancelled after {ElapsedMilliseconds:0.0} ms.")]
    public static partial void EvaluationCancelled(ILogger logger, string profileKey, double elapsedMilliseconds);
}
