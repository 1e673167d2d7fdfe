using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PatientCentric.Diagnostics;

/// <summary>The core's instruments, span source and logger: one per <see cref="Scoring.PracticeEvaluator"/>. With an
/// <see cref="IMeterFactory"/> (a host's DI container) the meter comes from it, so the host and tests observe it in
/// isolation; without one, a process-wide meter of the same name is used.</summary>
internal sealed class EvaluationTelemetry
{
    private static readonly Meter SharedMeter = new(PatientCentricTelemetry.MeterName);

    internal static readonly ActivitySource Source = new(PatientCentricTelemetry.ActivitySourceName);

    /// <summary>Telemetry that logs nothing and records on the process-wide meter.</summary>
    public static EvaluationTelemetry Default { get; } = new(null, null);

    public EvaluationTelemetry(ILoggerFactory? loggerFactory, IMeterFactory? meterFactory)
    {
        Logger = loggerFactory?.CreateLogger("PatientCentric.Scoring.PracticeEvaluator") ?? NullLogger.Instance;
        var meter = meterFactory?.Create(PatientCentricTelemetry.MeterName) ?? SharedMeter;
        CardsScored = meter.CreateCounter<long>("patientcentric.cards.scored", "{card}",
            "Score cards produced by evaluations, by status and scope level.");
        EvaluationDuration = meter.CreateHistogram<double>("patientcentric.evaluation.duration", "s",
            "How long one evaluation of a practice data set took.");
        RecordsRead = meter.CreateCounter<long>("patientcentric.records.read", "{record}",
            "Records in the data sets evaluated, by kind.");
    }

    public ILogger Logger { get; }

    public Counter<long> CardsScored { get; }

    public Histogram<double> EvaluationDuration { get; }

    public Counter<long> RecordsRead { get; }
}
