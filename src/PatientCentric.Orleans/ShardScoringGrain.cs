using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using PatientCentric.Fhir;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;
using PatientCentric.Touchpoints;

namespace PatientCentric.Orleans;

/// <summary>Scores one shard on the silo that activated it: reads it (JSON data set or FHIR), runs
/// <see cref="PracticeEvaluator.Accumulate"/> as of the run's instant and returns the partial's bytes. A shard whose data
/// cannot be read or scored comes back as a failure with the reason, never as an exception the caller would retry.</summary>
internal sealed class ShardScoringGrain(IServiceProvider services, ILocalSiloDetails silo, ILogger<ShardScoringGrain> logger) : Grain, IShardScoringGrain
{
    public async Task<ShardScoringResult> ScoreAsync(ShardScoringRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string siloName = silo.SiloAddress.ToString();
        var hook = services.GetService<IShardScoringHook>();
        try
        {
            if (hook is not null)
                await hook.BeforeScoringAsync(request.RunId, request.ShardIndex, siloName, cancellationToken).ConfigureAwait(true);
            var result = Score(request, cancellationToken);
            if (result.Partial is not null)
            {
                Log.ShardScored(logger, request.RunId, request.ShardIndex, result.Partial.Length);
                hook?.Scored(request.RunId, request.ShardIndex, siloName);
            }
            return result;
        }
        finally
        {
            DeactivateOnIdle();   // one shard, one call: nothing to keep
        }
    }

    private ShardScoringResult Score(ShardScoringRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var shard = ShardDescriptor.Of(request.Kind, request.Path);
            var data = Read(shard, cancellationToken);
            var profiles = services.GetRequiredService<ProfileCatalog>();
            var evaluator = new PracticeEvaluator(services.GetRequiredService<StrategyRegistry>(), profiles, new FixedTimeProvider(request.AsOf),
                services.GetRequiredService<IOptions<PatientCentricOptions>>(), services.GetRequiredService<IReviewClassifier>());
            MeasurementPeriod? period = request.PeriodStartDayNumber is { } start && request.PeriodEndDayNumber is { } end
                ? new MeasurementPeriod(DateOnly.FromDayNumber(start), DateOnly.FromDayNumber(end))
                : null;
            var profile = request.ProfileKey is null ? null : profiles.Get(request.ProfileKey);
            var partial = evaluator.Accumulate(data, period, profile, cancellationToken);
            using var bytes = new MemoryStream();
            partial.WriteTo(bytes);
            return ShardScoringResult.Scored(bytes.ToArray());
        }
        catch (Exception e) when (IsDataFailure(e))
        {
            Log.ShardRefused(logger, request.RunId, request.ShardIndex, e.GetType().Name);
            return ShardScoringResult.Failed(e.Message);
        }
    }

    private PracticeDataSet Read(ShardDescriptor shard, CancellationToken cancellationToken)
    {
        switch (shard.Kind)
        {
            case ShardDescriptor.DataSetKind:
                using (var file = File.OpenRead(shard.Path))
                    return PracticeDataSetReader.Read(file, Path.GetFileName(shard.Path));
            case ShardDescriptor.FhirNdjsonKind:
                return FhirReader().ReadNdjsonFolder(shard.Path, cancellationToken: cancellationToken).Data;
            default:
                return FhirReader().ReadJsonFolder(shard.Path, cancellationToken: cancellationToken).Data;
        }
    }

    // The host's reader (AddPatientCentricFhir: its options, pseudonym key, logger and meters), else one with defaults.
    private FhirPracticeReader FhirReader() => services.GetService<FhirPracticeReader>() ?? new FhirPracticeReader();

    // Failures of the shard's data or of the silo's configuration for it: another silo would fail the same way.
    private static bool IsDataFailure(Exception e) => e is PatientCentricDataException or FhirInputException or IOException
        or UnauthorizedAccessException or JsonException or NotSupportedException or KeyNotFoundException
        or ArgumentException and not ArgumentNullException;

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
