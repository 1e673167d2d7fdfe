namespace PatientCentric.Jobs;

/// <summary>Computes AdhereR's simple continuous multiple-interval measures of medication availability, CMA1 to CMA9,
/// for one patient's medication events (docs/adherence-cma.md).</summary>
/// <remarks>
/// <para>Source: Dima AL, Dediu D (2017), "Computation of adherence to medication and visualization of medication
/// histories in R with AdhereR", PLoS ONE 12(4):e0174426, and the AdhereR vignette; the measures follow Vollmer et al.
/// (2012). Implemented from those published definitions; no AdhereR code was used. docs/adherence-cma.md shows every
/// formula with worked examples.</para>
/// <para>Windows and days. Day arithmetic is on whole dates (docs/measures.md#conventions: same day = 0 days). The follow-up window
/// (FUW) starts <see cref="CmaWindow.StartDays"/> after the earliest event; the observation window (OW) starts
/// <see cref="CmaWindow.StartDays"/> after the FUW start. Both are half-open, <c>[start, start + duration)</c>. Only
/// events dated inside the FUW are used; "OW events" are those also dated inside the OW.</para>
/// <para>Supply and gaps. An event's supply covers <c>DurationDays</c> consecutive days from its date. An event's
/// interval runs from its date to the next event's date (for the last event in scope: to the OW end, or for CMA9 to the
/// FUW end). Gap days of an interval are <c>max(0, interval − duration − carried-in supply)</c>; the surplus,
/// <c>max(0, duration + carried-in − interval)</c>, is carried to the next event. By default supply carries over across
/// categories; with <c>carryOnlyForSameCategory</c> the surplus is dropped whenever the next event (even on the same
/// date) has another category (AdhereR's <c>carry.only.for.same.medication</c>). Doses are not used.</para>
/// <para>Order. Events may come in any order. They are sorted by date, and events on the same date by category
/// (ordinal), duration and dose, so the result never depends on the input order (AdhereR keeps the input order for
/// events on the same date, which can change CMA1 and CMA3 when two events share the last date).</para>
/// <para>Pure and thread-safe: no clock, no I/O, no shared state.</para>
/// </remarks>
public static class ContinuousMultipleIntervalMeasures
{
    /// <summary>Computes one CMA for one patient's medication events.</summary>
    /// <param name="type">The measure, <see cref="CmaType.CMA1"/> to <see cref="CmaType.CMA9"/>:
    /// <list type="bullet">
    /// <item>CMA1 = Σ durations of the OW events except the last ÷ days from the first to the last OW event (≥ 0, may exceed 1);</item>
    /// <item>CMA2 = Σ durations of all OW events ÷ days from the first OW event to the OW end (≥ 0, may exceed 1);</item>
    /// <item>CMA3 = min(1, CMA1); CMA4 = min(1, CMA2);</item>
    /// <item>CMA5 = 1 − gap days between the first and last OW events ÷ CMA1's denominator, carry-over among OW events only;</item>
    /// <item>CMA6 = 1 − gap days from the first OW event to the OW end ÷ CMA2's denominator, carry-over among OW events only;</item>
    /// <item>CMA7 = 1 − gap days inside the OW ÷ OW length, with supply carried over from FUW events before the OW and within it
    /// (so the days before the first OW event are a gap unless carried-in supply covers them);</item>
    /// <item>CMA8 = CMA7 over the lagged window <c>[s, OW end)</c>, where <c>s</c> is the later of the OW start and the day the
    /// supply of the FUW events before the OW runs out; the window end stays;</item>
    /// <item>CMA9 = Σ (1 − gap/interval) × days of the interval inside the OW ÷ Σ days of the intervals inside the OW, for the
    /// event intervals of all FUW events (the last one ends at the FUW end), with carry-over across the FUW.</item>
    /// </list></param>
    /// <param name="events">The patient's medication events, in any order.</param>
    /// <param name="followUp">The follow-up window; <see cref="CmaWindow.DefaultFollowUp"/> is AdhereR's default (0, 730).</param>
    /// <param name="observation">The observation window, offset from the FUW start; <see cref="CmaWindow.DefaultObservation"/>
    /// is AdhereR's default (0, 730).</param>
    /// <param name="carryOnlyForSameCategory"><see langword="true"/> to carry surplus supply only to a next event of the same
    /// category (CMA5 to CMA9); the default, <see langword="false"/>, carries it across categories.</param>
    /// <returns>The measure, unrounded; CMA3 to CMA9 are within [0, 1]. <see langword="null"/> (not computable) when there
    /// are no events; for CMA1, CMA3 and CMA5 when fewer than two OW events, or the first and last OW events share a date;
    /// for CMA2, CMA4 and CMA6 when no OW event; for CMA7 and CMA8 when no FUW event is dated before the OW end; for CMA8
    /// also when the carried-in supply lasts to the OW end; for CMA9 when no event interval overlaps the OW.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not CMA1 to CMA9; a window's
    /// <see cref="CmaWindow.StartDays"/> is negative or its <see cref="CmaWindow.DurationDays"/> is below 1; an event's
    /// <see cref="MedicationEvent.DurationDays"/> is below 1; or an event's <see cref="MedicationEvent.PerDay"/> is given
    /// but not a finite number above 0.</exception>
    /// <exception cref="ArgumentException">An event's <see cref="MedicationEvent.Category"/> is <see langword="null"/>.</exception>
    public static double? Compute(CmaType type, ReadOnlySpan<MedicationEvent> events, CmaWindow followUp, CmaWindow observation,
                                  bool carryOnlyForSameCategory = false)
    {
        if (type is < CmaType.CMA1 or > CmaType.CMA9)
            throw new ArgumentOutOfRangeException(nameof(type), type, "The CMA type must be from CMA1 to CMA9 inclusive.");
        ValidateWindow(followUp, nameof(followUp));
        ValidateWindow(observation, nameof(observation));
        ValidateEvents(events);
        if (events.IsEmpty)
            return null;

        var sorted = events.ToArray();
        sorted.AsSpan().Sort(CompareChronologically);

        long fuwStart = Day(sorted[0]) + followUp.StartDays;
        long fuwEnd = fuwStart + followUp.DurationDays;
        long owStart = fuwStart + observation.StartDays;
        long owEnd = owStart + observation.DurationDays;
        ReadOnlySpan<MedicationEvent> inFollowUp = DatedWithin(sorted, fuwStart, fuwEnd);
        ReadOnlySpan<MedicationEvent> inObservation = DatedWithin(inFollowUp, owStart, owEnd);
        bool restrict = carryOnlyForSameCategory;

        return type switch
        {
            CmaType.CMA1 => Cma1(inObservation),
            CmaType.CMA2 => Cma2(inObservation, owEnd),
            CmaType.CMA3 => CapAtOne(Cma1(inObservation)),
            CmaType.CMA4 => CapAtOne(Cma2(inObservation, owEnd)),
            CmaType.CMA5 => Cma5(inObservation, restrict),
            CmaType.CMA6 => Cma6(inObservation, owEnd, restrict),
            CmaType.CMA7 => Cma7(inFollowUp, owStart, owEnd, restrict),
            CmaType.CMA8 => Cma8(inFollowUp, owStart, owEnd, restrict),
            _ => Cma9(inFollowUp, fuwEnd, owStart, owEnd, restrict),
        };
    }

    private static double? Cma1(ReadOnlySpan<MedicationEvent> ow)
    {
        if (ow.Length < 2 || Day(ow[^1]) == Day(ow[0]))
            return null;
        long supplied = 0;
        for (int i = 0; i < ow.Length - 1; i++)
            supplied += ow[i].DurationDays;
        return (double)supplied / (Day(ow[^1]) - Day(ow[0]));
    }

    private static double? Cma2(ReadOnlySpan<MedicationEvent> ow, long owEnd)
    {
        if (ow.IsEmpty)
            return null;
        long supplied = 0;
        foreach (ref readonly MedicationEvent e in ow)
            supplied += e.DurationDays;
        return (double)supplied / (owEnd - Day(ow[0]));
    }

    private static double? Cma5(ReadOnlySpan<MedicationEvent> ow, bool restrict)
    {
        if (ow.Length < 2 || Day(ow[^1]) == Day(ow[0]))
            return null;
        long first = Day(ow[0]), last = Day(ow[^1]);
        return CoveredShare(UncoveredDays(ow, last, first, last, restrict), last - first);
    }

    private static double? Cma6(ReadOnlySpan<MedicationEvent> ow, long owEnd, bool restrict)
    {
        if (ow.IsEmpty)
            return null;
        long first = Day(ow[0]);
        return CoveredShare(UncoveredDays(ow, owEnd, first, owEnd, restrict), owEnd - first);
    }

    private static double? Cma7(ReadOnlySpan<MedicationEvent> fuw, long owStart, long owEnd, bool restrict)
    {
        ReadOnlySpan<MedicationEvent> supplying = DatedBefore(fuw, owEnd);
        if (supplying.IsEmpty)
            return null;
        return CoveredShare(UncoveredDays(supplying, owEnd, owStart, owEnd, restrict), owEnd - owStart);
    }

    private static double? Cma8(ReadOnlySpan<MedicationEvent> fuw, long owStart, long owEnd, bool restrict)
    {
        ReadOnlySpan<MedicationEvent> supplying = DatedBefore(fuw, owEnd);
        if (supplying.IsEmpty)
            return null;
        ReadOnlySpan<MedicationEvent> before = DatedBefore(fuw, owStart);
        long laggedStart = before.IsEmpty ? owStart : Math.Max(owStart, SupplyEnd(before, restrict));
        if (laggedStart >= owEnd)
            return null;
        return CoveredShare(UncoveredDays(supplying, owEnd, laggedStart, owEnd, restrict), owEnd - laggedStart);
    }

    private static double? Cma9(ReadOnlySpan<MedicationEvent> fuw, long fuwEnd, long owStart, long owEnd, bool restrict)
    {
        double weighted = 0;
        long weight = 0, carried = 0;
        for (int i = 0; i < fuw.Length; i++)
        {
            long day = Day(fuw[i]);
            bool hasNext = i + 1 < fuw.Length;
            long next = hasNext ? Day(fuw[i + 1]) : fuwEnd;
            long interval = next - day;
            long available = fuw[i].DurationDays + carried;
            long overlap = Math.Min(next, owEnd) - Math.Max(day, owStart);
            if (interval > 0 && overlap > 0)
            {
                weighted += (double)Math.Min(available, interval) / interval * overlap;
                weight += overlap;
            }
            carried = hasNext ? CarriedOver(fuw[i], fuw[i + 1], available, interval, restrict) : 0;
        }
        return weight == 0 ? null : weighted / weight;
    }

    /// <summary>Walks the supply chain of <paramref name="chain"/> (each event's interval ends at the next event, the last
    /// at <paramref name="lastIntervalEnd"/>) and counts the uncovered days inside <c>[from, to)</c>.</summary>
    private static long UncoveredDays(ReadOnlySpan<MedicationEvent> chain, long lastIntervalEnd, long from, long to, bool restrict)
    {
        long uncovered = 0, carried = 0;
        for (int i = 0; i < chain.Length; i++)
        {
            long day = Day(chain[i]);
            bool hasNext = i + 1 < chain.Length;
            long next = hasNext ? Day(chain[i + 1]) : lastIntervalEnd;
            long available = chain[i].DurationDays + carried;
            long gapFrom = Math.Max(day + available, from), gapTo = Math.Min(next, to);
            if (gapTo > gapFrom)
                uncovered += gapTo - gapFrom;
            carried = hasNext ? CarriedOver(chain[i], chain[i + 1], available, next - day, restrict) : 0;
        }
        return uncovered;
    }

    /// <summary>The day after the last day covered by the supply of <paramref name="chain"/> (non-empty), carry-over included.</summary>
    private static long SupplyEnd(ReadOnlySpan<MedicationEvent> chain, bool restrict)
    {
        long carried = 0;
        for (int i = 0; i < chain.Length - 1; i++)
            carried = CarriedOver(chain[i], chain[i + 1], chain[i].DurationDays + carried, Day(chain[i + 1]) - Day(chain[i]), restrict);
        return Day(chain[^1]) + chain[^1].DurationDays + carried;
    }

    private static long CarriedOver(in MedicationEvent current, in MedicationEvent next, long available, long interval, bool restrict) =>
        restrict && !string.Equals(current.Category, next.Category, StringComparison.Ordinal) ? 0 : Math.Max(0, available - interval);

    private static double CoveredShare(long gapDays, long days) => (double)(days - gapDays) / days;

    private static double? CapAtOne(double? value) => value is { } v ? Math.Min(1.0, v) : null;

    /// <summary>The events of a date-sorted span dated in <c>[from, to)</c>.</summary>
    private static ReadOnlySpan<MedicationEvent> DatedWithin(ReadOnlySpan<MedicationEvent> sorted, long from, long to)
    {
        int lo = 0;
        while (lo < sorted.Length && Day(sorted[lo]) < from)
            lo++;
        int hi = lo;
        while (hi < sorted.Length && Day(sorted[hi]) < to)
            hi++;
        return sorted[lo..hi];
    }

    /// <summary>The events of a date-sorted span dated before <paramref name="to"/>.</summary>
    private static ReadOnlySpan<MedicationEvent> DatedBefore(ReadOnlySpan<MedicationEvent> sorted, long to)
    {
        int hi = 0;
        while (hi < sorted.Length && Day(sorted[hi]) < to)
            hi++;
        return sorted[..hi];
    }

    private static long Day(in MedicationEvent e) => e.Date.DayNumber;

    private static int CompareChronologically(MedicationEvent a, MedicationEvent b)
    {
        int c = a.Date.CompareTo(b.Date);
        if (c == 0)
            c = string.CompareOrdinal(a.Category, b.Category);
        if (c == 0)
            c = a.DurationDays.CompareTo(b.DurationDays);
        if (c == 0)
            c = Nullable.Compare(a.PerDay, b.PerDay);
        return c;
    }

    private static void ValidateWindow(CmaWindow window, string paramName)
    {
        if (window.StartDays < 0)
            throw new ArgumentOutOfRangeException(paramName, window.StartDays, $"{paramName}.StartDays must be from 0 to {int.MaxValue} days inclusive.");
        if (window.DurationDays < 1)
            throw new ArgumentOutOfRangeException(paramName, window.DurationDays, $"{paramName}.DurationDays must be from 1 to {int.MaxValue} days inclusive.");
    }

    // Record values are never echoed (STYLE.md, errors and privacy): a message names the event's index and the rule.
    private static void ValidateEvents(ReadOnlySpan<MedicationEvent> events)
    {
        for (int i = 0; i < events.Length; i++)
        {
            ref readonly MedicationEvent e = ref events[i];
            if (e.Category is null)
                throw new ArgumentException($"events[{i}].Category must not be null.", nameof(events));
            if (e.DurationDays < 1)
                throw new ArgumentOutOfRangeException(nameof(events), $"events[{i}].DurationDays must be from 1 to {int.MaxValue} days inclusive.");
            if (e.PerDay is { } perDay && !(double.IsFinite(perDay) && perDay > 0))
                throw new ArgumentOutOfRangeException(nameof(events), $"events[{i}].PerDay must be a finite number above 0 when given.");
        }
    }
}
