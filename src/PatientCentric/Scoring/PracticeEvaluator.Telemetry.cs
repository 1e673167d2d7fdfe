using System.Diagnostics;
using PatientCentric.Diagnostics;
using PatientCentric.Records;

namespace PatientCentric.Scoring;

// Telemetry around an evaluation: one span, the duration and card counts as metrics, and log lines that carry keys,
// scope levels and counts only (never a scope key: at clinician and patient level that would identify someone).
public sealed partial class PracticeEvaluator
{
    /// <summary>Scores <paramref name="data"/> with the profile in force over the data's own period; see
    /// <see cref="Evaluate(PracticeDataSet, MeasurementPeriod?, Profile?, CancellationToken)"/>.</summary>
    /// <param name="data">The practice's data.</param>
    /// <param name="cancellationToken">Checked before each strategy runs on each scope and patient.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentException">The data's time zone is unknown, or the data states no period.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public PracticeEvaluation Evaluate(PracticeDataSet data, CancellationToken cancellationToken) =>
        Evaluate(data, null, null, cancellationToken);

    private PracticeEvaluation Observe(PracticeDataSet data, Profile profile, Func<PracticeEvaluation> evaluate, CancellationToken ct)
    {
        using var activity = EvaluationTelemetry.Source.StartActivity("patientcentric.evaluate");
        activity?.SetTag("patientcentric.profile", profile.Key);
        long started = _time.GetTimestamp();
        CountRecords(data);
        PracticeEvaluation result;
        try
        {
            result = evaluate();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            double ms = _time.GetElapsedTime(started).TotalMilliseconds;
            Log.EvaluationCancelled(_telemetry.Logger, profile.Key, ms);
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            activity?.SetTag("error.type", typeof(OperationCanceledException).FullName);
            throw;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error);   // no description: exception messages may name a setting or a file
            activity?.SetTag("error.type", e.GetType().FullName);
            throw;
        }
        var elapsed = _time.GetElapsedTime(started);
        _telemetry.EvaluationDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("patientcentric.profile", profile.Key));
        foreach (var group in result.Cards.Concat(result.PatientCards).GroupBy(c => (c.Status, c.Scope.Level)))
        {
            _telemetry.CardsScored.Add(group.Count(),
                new KeyValuePair<string, object?>("status", group.Key.Status.ToString()),
                new KeyValuePair<string, object?>("patientcentric.scope.level", group.Key.Level.ToString()));
        }
        activity?.SetTag("patientcentric.cards", result.Cards.Length);
        activity?.SetTag("patientcentric.patient_cards", result.PatientCards.Length);
        LogResult(result);
        double elapsedMs = elapsed.TotalMilliseconds;
        Log.EvaluationCompleted(_telemetry.Logger, profile.Key, result.Cards.Length, result.PatientCards.Length, elapsedMs);
        return result;
    }

    private void CountRecords(PracticeDataSet data)
    {
        void Count(string kind, int n)
        {
            if (n > 0)
                _telemetry.RecordsRead.Add(n, new KeyValuePair<string, object?>("patientcentric.record.kind", kind));
        }
        Count("appointment", data.Appointments.Length);
        Count("medication-fill", data.MedicationFills.Length);
        Count("referral", data.Referrals.Length);
        Count("survey-return", data.SurveyReturns.Length);
        Count("claim", data.Claims.Length);
        Count("call", data.Calls.Length);
        Count("portal-thread", data.PortalThreads.Length);
        Count("review", data.Reviews.Length);
    }

    private void LogResult(PracticeEvaluation result)
    {
        var logger = _telemetry.Logger;
        foreach (var card in result.Cards)
        {
            if (card.Status == ScoreStatus.GuardrailBlocked)
                Log.GuardrailRefused(logger, card.MeasureKey, card.Scope.Level, card.StatusReason ?? "");
            if (card.ExcludedCount > 0 && logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
            {
                string codes = string.Join(", ", card.Components
                    .Where(c => c.Name.StartsWith(ScoreComponent.ExclusionPrefix, StringComparison.Ordinal))
                    .Select(c => c.Name[ScoreComponent.ExclusionPrefix.Length..]));
                Log.RecordsExcluded(logger, card.MeasureKey, card.Scope.Level, card.ExcludedCount, codes);
            }
        }
    }

    // A host's touchpoint or job scorer that the profile in force leaves out never runs: say so once, when the evaluator is built.
    private void WarnOfStrategiesNotEnabled()
    {
        var active = _profiles.Active;
        if (active.EnabledStrategies.IsEmpty)
            return;
        var core = typeof(PracticeEvaluator).Assembly;
        foreach (string key in _registry.TouchpointScorers.Where(s => s.GetType().Assembly != core).Select(s => s.Key)
                     .Concat(_registry.JobScorers.Where(s => s.GetType().Assembly != core).Select(s => s.Key)))
        {
            if (!active.IsEnabled(key))
                Log.StrategyNotEnabled(_telemetry.Logger, key, active.Key);
        }
    }
}
