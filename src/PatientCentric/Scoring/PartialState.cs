using System.Collections.Immutable;
using PatientCentric.Control;
using PatientCentric.Customers;
using PatientCentric.Jobs;
using PatientCentric.Records;
using PatientCentric.Touchpoints;

namespace PatientCentric.Scoring;

// The plain data behind an EvaluationPartial (docs/scale.md#the-evaluation-in-pieces). Never changed once an
// EvaluationPartial holds it: Merge builds a new one.
internal sealed class PartialState
{
    public required string PracticeName { get; init; }

    public required string TimeZone { get; init; }

    public required MeasurementPeriod Period { get; init; }

    public required Profile Profile { get; init; }

    public required DateTimeOffset AsOf { get; init; }

    // A digest of the practice configuration that must match to merge: survey items, calendar, profile. Not the service
    // lines: shards that derive them from their own records (FHIR) differ there, and Merge takes their union.
    public required string Fingerprint { get; init; }

    public required ImmutableArray<SurveyItem> SurveyItems { get; init; }

    // The service lines the shards' data sets declare, in the order their scopes are listed (PracticeEvaluator.Merge).
    public required ImmutableArray<ServiceLine> ServiceLines { get; init; }

    // Per scope (practice, service lines, clinicians): per scorer and role, the accumulator or the finished cards.
    public required ImmutableArray<ScopePartial> Scopes { get; init; }

    // Per scope (practice, then each service line): the job scorers' population accumulator.
    public required ImmutableDictionary<ScoreScope, PopulationAccumulator> Populations { get; init; }

    // The per-patient outputs, in canonical patient order (PatientRank).
    public required ImmutableArray<PatientPartial> Patients { get; init; }

    // The reviews written in the period, in canonical order (written on, then id).
    public required ImmutableArray<ReviewPartial> Reviews { get; init; }

    // The loyalty-driver survey rows in the period, coded, in canonical order (returned on, then id).
    public required ImmutableArray<SurveyRowPartial> SurveyRows { get; init; }

    // The practice-level assessments, assumption bindings and KPI series; null when the shard has none.
    public required PracticeLevelPartial? PracticeLevel { get; init; }

    // The period grain of the series the slots carry per bucket, or null when trends are off (no buckets anywhere).
    public required PeriodGrain? TrendGrain { get; init; }

    // A copy with other per-patient outputs (in canonical order).
    public PartialState WithPatients(ImmutableArray<PatientPartial> patients) => With(patients, SurveyRows);

    // A copy with other coded survey rows (in canonical order).
    public PartialState WithSurveyRows(ImmutableArray<SurveyRowPartial> rows) => With(Patients, rows);

    private PartialState With(ImmutableArray<PatientPartial> patients, ImmutableArray<SurveyRowPartial> rows) => new()
    {
        PracticeName = PracticeName,
        TimeZone = TimeZone,
        Period = Period,
        Profile = Profile,
        AsOf = AsOf,
        Fingerprint = Fingerprint,
        SurveyItems = SurveyItems,
        ServiceLines = ServiceLines,
        Scopes = Scopes,
        Populations = Populations,
        Patients = patients,
        Reviews = Reviews,
        SurveyRows = rows,
        PracticeLevel = PracticeLevel,
        TrendGrain = TrendGrain,
    };
}

internal enum SlotKind
{
    // A combiner's accumulator: merges.
    Combiner,

    // Cards the guardrail blocked before any scorer ran: the same in every shard.
    Blocked,

    // A scorer that is not a combiner, scored on the shard's whole data: cannot merge.
    Whole,
}

// One scorer and role in one scope. Scorer is the combiner that made the accumulator (null once read from a stream):
// WriteTo asks it for a host accumulator's type information. With trends on, a slot also carries one accumulator per
// period bucket (a combiner) or the cards of each bucket (a scorer that is not a combiner). A built-in combiner's
// whole-period accumulator is then the merge of its buckets (Accumulator null: docs/spc.md#every-measure-over-time); a
// host combiner keeps both, as its period membership is not known to be decided per record.
internal sealed record SlotPartial(string ScorerKey, InteractionRole Role, SlotKind Kind, object? Accumulator, ImmutableArray<ScoreCard> Cards)
{
    public ITouchpointScorer? Scorer { get; init; }

    public ImmutableArray<object> Buckets { get; init; } = [];

    public ImmutableArray<ImmutableArray<ScoreCard>> BucketCards { get; init; } = [];
}

// A host combiner's accumulator read from a stream, kept as JSON until an evaluator with the combiner registered under
// its key reads it (at Merge or Finish); Path is where it was in the stream, for errors.
internal sealed record PendingAccumulator(System.Text.Json.JsonElement Json, string Path);

internal sealed record ScopePartial(ScoreScope Scope, ImmutableArray<SlotPartial> Slots);

// Where a patient comes in the evaluator's outputs: the category of the patient's first record (fills, referrals, jobs,
// clinician ratings, barriers), then that record's date and identifier, then the patient's key.
internal readonly record struct PatientRank(int Category, DateOnly On, string Tiebreak, string PatientKey) : IComparable<PatientRank>
{
    public int CompareTo(PatientRank other)
    {
        int c = Category.CompareTo(other.Category);
        if (c == 0) c = On.CompareTo(other.On);
        if (c == 0) c = string.CompareOrdinal(Tiebreak, other.Tiebreak);
        return c != 0 ? c : string.CompareOrdinal(PatientKey, other.PatientKey);
    }
}

internal sealed record PatientPartial(PatientRank Rank, ImmutableArray<ScoreCard> Cards, SupportPlan? Plan);

internal sealed record ReviewPartial(DateOnly WrittenOn, string Id, string Text);

// One survey return's coded answers to the recommend item and the Customer report items (-1: missing or invalid).
internal sealed record SurveyRowPartial(DateOnly ReturnedOn, string Id, ImmutableArray<int> Codes);

internal sealed record PracticeLevelPartial(StakeholderAssessments? PrimaryCustomer, ImmutableArray<AssumptionBinding> AssumptionBindings,
                                            ImmutableArray<KpiSeries> KpiSeries, string Digest);
