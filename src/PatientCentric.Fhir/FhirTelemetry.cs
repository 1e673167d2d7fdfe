using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PatientCentric.Diagnostics;

namespace PatientCentric.Fhir;

/// <summary>The FHIR reader's instruments, span source and logger, on the meter and source named by
/// <see cref="PatientCentricTelemetry"/>. With an <see cref="IMeterFactory"/> the meter comes from it; without one, a
/// process-wide meter of the same name is used.</summary>
internal sealed class FhirTelemetry
{
    private static readonly Meter SharedMeter = new(PatientCentricTelemetry.MeterName);

    internal static readonly ActivitySource Source = new(PatientCentricTelemetry.ActivitySourceName);

    public static FhirTelemetry Default { get; } = new(null, null);

    public FhirTelemetry(ILoggerFactory? loggerFactory, IMeterFactory? meterFactory)
    {
        Logger = loggerFactory?.CreateLogger("PatientCentric.Fhir.FhirPracticeReader") ?? NullLogger.Instance;
        var meter = meterFactory?.Create(PatientCentricTelemetry.MeterName) ?? SharedMeter;
        ResourcesRead = meter.CreateCounter<long>("patientcentric.fhir.resources.read", "{resource}",
            "FHIR resources (NDJSON lines and Bundle entries) read.");
        Issues = meter.CreateCounter<long>("patientcentric.fhir.issues", "{issue}",
            "FHIR resources skipped or only partly used, by issue code.");
        ReadDuration = meter.CreateHistogram<double>("patientcentric.fhir.read.duration", "s",
            "How long one FHIR read (all its files) took.");
    }

    public ILogger Logger { get; }

    public Counter<long> ResourcesRead { get; }

    public Counter<long> Issues { get; }

    public Histogram<double> ReadDuration { get; }
}

/// <summary>One read's span, clock and outcome: <see cref="Complete"/> records what was read; disposing without it
/// records a stopped read (cancelled, refused by strict mode, or failed to open).</summary>
internal sealed class FhirReadObservation : IDisposable
{
    private readonly FhirTelemetry _telemetry;
    private readonly string _format;
    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private bool _completed;

    public FhirReadObservation(FhirTelemetry telemetry, string format)
    {
        _telemetry = telemetry;
        _format = format;
        _activity = FhirTelemetry.Source.StartActivity("patientcentric.fhir.read");
        _activity?.SetTag("patientcentric.fhir.format", format);
    }

    public FhirReadResult Complete(FhirReadResult result, int files)
    {
        _completed = true;
        double seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var q = result.Quality;
        var format = new KeyValuePair<string, object?>("patientcentric.fhir.format", _format);
        _telemetry.ResourcesRead.Add(q.ResourcesRead, format);
        _telemetry.ReadDuration.Record(seconds, format);
        foreach (var group in q.Issues.GroupBy(i => i.Code).OrderBy(g => g.Key))
        {
            int count = group.Count();
            _telemetry.Issues.Add(count, new KeyValuePair<string, object?>("code", group.Key.ToString()));
            Log.ResourcesSkipped(_telemetry.Logger, count, group.Key);
        }
        _activity?.SetTag("patientcentric.fhir.files", files);
        _activity?.SetTag("patientcentric.fhir.resources", q.ResourcesRead);
        _activity?.SetTag("patientcentric.fhir.issues", q.Issues.Length);
        int ignored = q.ResourcesIgnored.Values.Sum();
        double ms = seconds * 1000;
        Log.ReadCompleted(_telemetry.Logger, files, _format, q.ResourcesRead, ignored, q.DuplicatesReplaced, q.Issues.Length, ms);
        Log.RecordsAssumed(_telemetry.Logger, q.BookingInstantUnknown, q.DerivedFills, q.ClaimsWithoutResponse, q.ReferralClosureUnknown);
        return result;
    }

    public void Dispose()
    {
        if (!_completed)
        {
            double ms = Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
            _activity?.SetStatus(ActivityStatusCode.Error, "stopped");
            Log.ReadStopped(_telemetry.Logger, _format, ms);
        }
        _activity?.Dispose();
    }
}
