using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Jobs;

/// <summary>Measures whether referrals come back: the specialist's report received within the closure window
/// (docs/jobs.md#referral-loop-closure; CMS50 "Closing the Referral Loop: Receipt of Specialist Report").</summary>
public static class ReferralLoopClosure
{
    /// <summary>The default closure window W: 60 days (host-configured).</summary>
    public const int DefaultWindowDays = 60;

    /// <summary>Computes closure over <paramref name="referrals"/>.</summary>
    /// <param name="referrals">Referrals, any order; for <see cref="ReferralClosureMode.Cms50"/> grouped by <see cref="Referral.PatientKey"/>.</param>
    /// <param name="period">The measurement period.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="mode">How to count; default referral level.</param>
    /// <param name="windowDays">W, 0 or more (referral level only).</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowDays"/> is negative.</exception>
    /// <remarks>Referral level: eligible when authored in the period and <c>authoredOn + W ≤ asOf</c>; closed when the report
    /// is dated in <c>[authoredOn, authoredOn + W]</c>; referrals still inside their window are pending (even if their
    /// report has come). CMS50: the first referral per patient (earliest date, then lowest id, ordinal) authored from the
    /// period start through the day before start + 10 months (31 October for a calendar year); closed when its report is
    /// dated on or after the referral date and within the period. Dates are local dates; a same-day report counts.
    /// A referral whose closure the source cannot show (<see cref="Referral.ClosureUnknown"/>) is neither closed nor open:
    /// it is left out and counted in <see cref="ReferralClosureResult.ClosureUnknown"/> (referral level: before the window
    /// is checked, so it is never pending; CMS50: when it is the patient's first referral, the patient is left out).</remarks>
    public static ReferralClosureResult Compute(IEnumerable<Referral> referrals, MeasurementPeriod period, DateOnly asOf,
                                                ReferralClosureMode mode = ReferralClosureMode.ReferralLevel, int windowDays = DefaultWindowDays)
    {
        ArgumentNullException.ThrowIfNull(referrals);
        ArgumentOutOfRangeException.ThrowIfNegative(windowDays);
        return mode == ReferralClosureMode.Cms50 ? Cms50(referrals, period, asOf)
            : ReferralLevel(referrals is ImmutableArray<Referral> array ? array.AsSpan() : [.. referrals], period, asOf, windowDays, null, null);
    }

    // Referral level; with cohorts, each referral in the period also goes to the bucket of its date, with its outcome.
    internal static ReferralClosureResult ReferralLevel(ReadOnlySpan<Referral> referrals, MeasurementPeriod period, DateOnly asOf, int w,
                                                        CohortTally? cohorts, string? measureKey)
    {
        int eligible = 0, closed = 0, pending = 0, unknown = 0;
        List<OpenReferralLoop>? open = null;   // created at the first open loop
        foreach (var r in referrals)
        {
            if (!period.Contains(r.AuthoredOn))
                continue;
            if (r.ClosureUnknown)
            {
                unknown++;
                cohorts?.Add(measureKey!, r.AuthoredOn, CohortOutcome.Excluded);
                continue;
            }
            DateOnly windowEnd = CalendarMath.AddDays(r.AuthoredOn, w);
            if (windowEnd > asOf)
            {
                pending++;
                cohorts?.Add(measureKey!, r.AuthoredOn, CohortOutcome.Pending);
                continue;
            }
            eligible++;
            if (r.ReportReceivedOn is { } received && received >= r.AuthoredOn && received <= windowEnd)
            {
                closed++;
                cohorts?.Add(measureKey!, r.AuthoredOn, CohortOutcome.CountedInNumerator);
            }
            else
            {
                (open ??= []).Add(new OpenReferralLoop(r.Id, asOf.DayNumber - r.AuthoredOn.DayNumber));
                cohorts?.Add(measureKey!, r.AuthoredOn, CohortOutcome.Counted);
            }
        }
        return new ReferralClosureResult(ReferralClosureMode.ReferralLevel, eligible, closed, pending, Oldest(open)) { ClosureUnknown = unknown };
    }

    private static ReferralClosureResult Cms50(IEnumerable<Referral> referrals, MeasurementPeriod period, DateOnly asOf)
    {
        DateOnly lastReferralDay = CalendarMath.AddDays(CalendarMath.AddMonths(period.Start, 10), -1);
        if (lastReferralDay > period.End)
            lastReferralDay = period.End;
        var first = referrals
            .Where(r => r.AuthoredOn >= period.Start && r.AuthoredOn <= lastReferralDay)
            .GroupBy(r => r.PatientKey, StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => r.AuthoredOn).ThenBy(r => r.Id, StringComparer.Ordinal).First());
        int eligible = 0, closed = 0, unknown = 0;
        var open = new List<OpenReferralLoop>();
        foreach (var r in first)
        {
            if (r.ClosureUnknown)
            {
                unknown++;   // the first referral decides the patient's numerator, and its closure cannot be seen
                continue;
            }
            eligible++;
            if (r.ReportReceivedOn is { } received && received >= r.AuthoredOn && received <= period.End && received <= asOf)
                closed++;
            else
                open.Add(new OpenReferralLoop(r.Id, asOf.DayNumber - r.AuthoredOn.DayNumber));
        }
        return new ReferralClosureResult(ReferralClosureMode.Cms50, eligible, closed, 0, Oldest(open)) { ClosureUnknown = unknown };
    }

    // Oldest first, then by referral id (ordinal); a stable sort, as LINQ's ordering is.
    private static ImmutableArray<OpenReferralLoop> Oldest(List<OpenReferralLoop>? open) =>
        open is null ? []
        : open.Count == 1 ? [open[0]]
        : [.. open.OrderByDescending(o => o.AgeDays).ThenBy(o => o.ReferralId, StringComparer.Ordinal)];
}
