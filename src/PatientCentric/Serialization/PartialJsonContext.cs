using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

namespace PatientCentric.Serialization;

// The System.Text.Json source-generated context of the serialized partial evaluation (docs/scale.md#the-serialized-partial):
// the options of PatientCentricJsonContext (camelCase, enums as strings, strict instants, unknown fields refused), so the
// cards, support plans, profile and practice-level records inside it are written exactly as results JSON writes them.
// No reflection: safe to trim.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
#if NET9_0_OR_GREATER
    RespectRequiredConstructorParameters = true,
#endif
    Converters = [typeof(StrictDateTimeOffsetConverter), typeof(JsonEnumConverterFactory)])]
[JsonSerializable(typeof(PartialDocument))]
[JsonSerializable(typeof(PatientPartial))]
[JsonSerializable(typeof(SurveyRowPartial))]
[JsonSerializable(typeof(SurveyCountsState))]
[JsonSerializable(typeof(NoShowDenominatorState))]
[JsonSerializable(typeof(PortalResponseState))]
[JsonSerializable(typeof(BillingExperienceState))]
[JsonSerializable(typeof(CallCenterState))]
[JsonSerializable(typeof(CycleTimeState))]
[JsonSerializable(typeof(TnaaState))]
[JsonSerializable(typeof(OnTimeStartState))]
[JsonSerializable(typeof(LeadTimeState))]
[JsonSerializable(typeof(AccessRatesState))]
[JsonSerializable(typeof(WaitToBeSeenState))]
[JsonSerializable(typeof(FollowUpContactState))]
[JsonSerializable(typeof(ClaimsState))]
internal sealed partial class PartialJsonContext : JsonSerializerContext;

// The whole document: the header (schema, then version) first, then the body.
internal sealed record PartialDocument(string Schema, int Version, PartialBody Body);

// A PartialState as plain data.
internal sealed record PartialBody(string PracticeName, string TimeZone, MeasurementPeriod Period, Profile Profile, DateTimeOffset AsOf,
                                   string Fingerprint, ImmutableArray<SurveyItem> SurveyItems, ImmutableArray<ServiceLine> ServiceLines,
                                   ImmutableArray<ScopeState> Scopes, ImmutableArray<PopulationState> Populations,
                                   ImmutableArray<PatientPartial> Patients, ImmutableArray<ReviewPartial> Reviews,
                                   ImmutableArray<SurveyRowPartial> SurveyRows, PracticeLevelPartial? PracticeLevel)
{
    // The period grain of the slots' per-bucket accumulators and cards; absent when trends were off.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PeriodGrain? TrendGrain { get; init; }
}

internal sealed record ScopeState(ScoreScope Scope, ImmutableArray<SlotState> Slots);

// One slot: a combiner's accumulator (AccumulatorType names a built-in accumulator's shape, or "host"), or finished cards.
internal sealed record SlotState(string Scorer, InteractionRole Role, SlotKind Kind, string? AccumulatorType, JsonElement? Accumulator,
                                 ImmutableArray<ScoreCard> Cards)
{
    // With trends on: a combiner's accumulator per period bucket, in bucket order.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<BucketAccumulatorState>? Buckets { get; init; }

    // With trends on: a scorer's cards per period bucket, in bucket order (a scorer that is not a combiner).
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<ImmutableArray<ScoreCard>>? BucketCards { get; init; }
}

// One period bucket's accumulator: its shape's name and its state.
internal sealed record BucketAccumulatorState(string AccumulatorType, JsonElement Accumulator);

internal sealed record PopulationState(ScoreScope Scope, ImmutableArray<PopulationMeasureState> Measures);
