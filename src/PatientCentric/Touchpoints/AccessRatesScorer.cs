using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Touchpoints;

/// <summary>Access rates that share the no-show denominator D (appointments still booked at 00:00 on their day,
/// docs/touchpoints/access.md): <c>same-day-cancellation-rate</c> = same-day patient cancellations ÷ D, <c>missed-appointment-rate</c> =
/// (no-shows + same-day cancellations) ÷ D; and <c>telehealth-share</c> = telehealth visits ÷ kept visits (digital access).
/// D and its exclusions come from <see cref="NoShowDenominator"/>, as for the no-show rate, so the three rates can never
/// disagree.</summary>
/// <remarks>A patient cancellation whose time is unknown cannot be placed on or before its day: it is excluded and counted
/// (<c>cancellation-time-unknown</c>, docs/touchpoints/access.md), and both rates are computed over the appointments that can be
/// placed. When no patient cancellation records its time (or no cancellation records who cancelled), the same-day count
/// is unknown rather than 0, and both rates are NotApplicable with that reason; so they are on visit-only data.</remarks>
internal sealed class AccessRatesScorer : ITouchpointCombiner<AccessRatesScorer.Accumulator>, IPeriodRoutedCombiner
{
    public const string SameDayCancellationKey = "same-day-cancellation-rate";
    public const string MissedAppointmentKey = "missed-appointment-rate";

    private const string DenominatorText = "Appointments still booked at 00:00 on their day (the no-show denominator).";

    public string Key => "access-rates";

    public TouchpointKind Kind => TouchpointKind.Access;

    public MeasureCategory Category => MeasureCategory.Operational;

    public ImmutableArray<ScoreCard> Score(PracticeDataSet data, ScoringContext context) =>
        Finish(Add(CreateAccumulator(context), data, context), context);

    public Accumulator CreateAccumulator(ScoringContext context) => new();

    public Accumulator Add(Accumulator accumulator, PracticeDataSet shard, ScoringContext context) =>
        PeriodRouting.Add(accumulator, shard, context, AddTo);

    public void AddByPeriod(object[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets buckets) =>
        PeriodRouting.AddByPeriod<Accumulator>(accumulators, shard, context, buckets, AddTo);

    // Each appointment starting in the period, to the accumulator of its start's bucket.
    private static void AddTo(Accumulator[] accumulators, PracticeDataSet shard, ScoringContext context, PeriodBuckets? buckets)
    {
        NoShowDenominator.AddTo([.. accumulators.Select(a => a.Denominator)], shard, context, buckets);
        foreach (var v in shard.Appointments)
        {
            int b = PeriodRouting.OfVisit(v, context, buckets);
            if (b < 0)
                continue;
            accumulators[b].Visits++;
            if (v.Mode == VisitMode.Telehealth) accumulators[b].Telehealth++;
        }
    }

    public Accumulator Merge(Accumulator left, Accumulator right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        left.Denominator.Merge(right.Denominator);
        left.Visits += right.Visits;
        left.Telehealth += right.Telehealth;
        return left;
    }

    public ImmutableArray<ScoreCard> Finish(Accumulator accumulator, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(context);
        var d = accumulator.Denominator;
        if (d.IsEmpty)
            return [];
        var exclusions = d.Exclusions.ToTally();
        var telehealth = RateCard.Build("telehealth-share", context, accumulator.Telehealth, accumulator.Visits,
            "Kept visits by video or phone.", "Kept visits starting in the period.");
        if ((d.HasOnlyVisits ? NoShowDenominator.OnlyVisitsReason : d.SameDayUnknowableReason) is { } reason)
        {
            // The data cannot show the same-day cancellations: unknown, which is not the same as 0 %.
            return
            [
                AbsentInputCard.Build(SameDayCancellationKey, context, ScoreScale.Proportion, reason, exclusions),
                AbsentInputCard.Build(MissedAppointmentKey, context, ScoreScale.Proportion, reason, exclusions),
                telehealth,
            ];
        }
        return
        [
            RateCard.Build(SameDayCancellationKey, context, d.SameDayCancellations, d.Denominator, "Patient cancellations on the appointment day.",
                DenominatorText, exclusions),
            RateCard.Build(MissedAppointmentKey, context, d.NoShows + d.SameDayCancellations, d.Denominator, "No-shows plus same-day patient cancellations.",
                DenominatorText, exclusions),
            telehealth,
        ];
    }

    /// <summary>The partial result: the no-show family's counts, the kept visits and the telehealth visits.</summary>
    internal sealed class Accumulator
    {
        public NoShowDenominator Denominator { get; } = new();

        public int Visits { get; set; }

        public int Telehealth { get; set; }

        /// <summary>Returns the accumulator as plain data (docs/scale.md#the-serialized-partial).</summary>
        public AccessRatesState ToState() => new(Denominator.ToState(), Visits, Telehealth);

        /// <summary>Rebuilds an accumulator from <see cref="ToState"/>'s data, refusing negative counts and numbers that are not finite.</summary>
        /// <param name="state">The data.</param>
        /// <param name="path">The JSON path of <paramref name="state"/>, for errors.</param>
        public static Accumulator FromState(AccessRatesState state, string path)
        {
            PartialFormat.Need(state, path);
            var accumulator = new Accumulator
            {
                Visits = PartialFormat.Count(state.Visits, path + ".visits"),
                Telehealth = PartialFormat.Count(state.Telehealth, path + ".telehealth"),
            };
            accumulator.Denominator.Merge(NoShowDenominator.FromState(state.Denominator, path + ".denominator"));
            return accumulator;
        }
    }
}

// A AccessRatesScorer.Accumulator as plain data (docs/scale.md#the-serialized-partial).
internal sealed record AccessRatesState(NoShowDenominatorState Denominator, int Visits, int Telehealth);
