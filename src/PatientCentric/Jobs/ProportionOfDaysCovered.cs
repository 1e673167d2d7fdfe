using System.Buffers;
using PatientCentric.Scoring;

namespace PatientCentric.Jobs;

/// <summary>Computes the Proportion of Days Covered exactly as PQA defines it (docs/jobs.md#proportion-of-days-covered-exactly-as-pqa-defines-it): index prescription start
/// date, same-drug overlaps shifted forward, different drugs not shifted (a day counts if any drug of the class covers
/// it, or at least k drugs in the concurrent-use variant), supply past the end truncated, no carry-in unless allowed.</summary>
/// <remarks>Sources: Pharmacy Quality Alliance, PDC measure specifications (PDC-DR, PDC-RASA, PDC-STA); Montavon, pdc-python
/// and pdc-sql tutorials (same rules). Allocation-free for up to 64 fills per patient (any period length): the covered days are counted by sweeping the
/// start and end events of the shifted supplies rather than marking days. Thread-safe.</remarks>
public static class ProportionOfDaysCovered
{
    private const int StackFills = 64;
    
    /// <summary>Computes one patient's PDC for the fills of one class.</summary>
    /// <param name="fills">The patient's fills of the class, in any order; fills after the end are ignored, fills before the
    /// start are used only when <see cref="PdcRules.AllowPriorSupply"/> is set.</param>
    /// <param name="period">The measurement period <c>[P0, P1]</c>.</param>
    /// <param name="rules">The rules; <see cref="PdcRules.Pqa"/> when <see langword="null"/>.</param>
    /// <param name="eligibilityEnd">E: death, disenrolment or hospice start; the treatment period ends at <c>min(P1, E)</c>.</param>
    /// <returns>The result; <see cref="PdcResult.Pdc"/> is <see langword="null"/> when no valid fill is dated in the period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A fill's days' supply is below 1 (the message names <c>fills[i].DaysSupply</c>),
    /// or a rule is out of range.</exception>
    /// <exception cref="ArgumentException">A fill has no drug key (the message names <c>fills[i].DrugKey</c>).</exception>
    public static PdcResult Compute(ReadOnlySpan<Dispense> fills, MeasurementPeriod period, PdcRules? rules = null, DateOnly? eligibilityEnd = null)
    {
        rules ??= PdcRules.Pqa;
        rules.Validate();
        for (int i = 0; i < fills.Length; i++)
        {
            if (fills[i].DaysSupply < 1)
                throw new ArgumentOutOfRangeException(nameof(fills), $"fills[{i}].DaysSupply must be a whole number of 1 or more.");
            if (string.IsNullOrEmpty(fills[i].DrugKey))
                throw new ArgumentException($"fills[{i}].DrugKey must be a non-empty drug key.", nameof(fills));
        }

        int p0 = period.Start.DayNumber;
        int end = eligibilityEnd is { } e && e < period.End ? e.DayNumber : period.End.DayNumber;   // T = min(P1, E)
        // Steps 1–2: in-period fills and the IPSD.
        int ipsd = int.MaxValue, inPeriod = 0;
        for (int i = 0; i < fills.Length; i++)
        {
            int d = fills[i].FilledOn.DayNumber;
            if (d >= p0 && d <= end)
            {
                inPeriod++;
                if (d < ipsd) ipsd = d;
            }
        }
        if (inPeriod == 0)
            return new PdcResult(false, null, 0, 0, 0, 0);

        int[]? rentedOrder = null, rentedDates = null;
        long[]? rentedEvents = null;
        Span<int> order = fills.Length <= StackFills ? stackalloc int[fills.Length] : (rentedOrder = ArrayPool<int>.Shared.Rent(fills.Length));
        Span<int> dates = inPeriod <= StackFills ? stackalloc int[inPeriod] : (rentedDates = ArrayPool<int>.Shared.Rent(inPeriod));
        Span<long> events = fills.Length <= StackFills ? stackalloc long[2 * fills.Length] : (rentedEvents = ArrayPool<long>.Shared.Rent(2 * fills.Length));
        try
        {
            int used = 0, dated = 0;
            for (int i = 0; i < fills.Length; i++)
            {
                int d = fills[i].FilledOn.DayNumber;
                if (d > end || (d < p0 && !rules.AllowPriorSupply))
                    continue;
                order[used++] = i;
                if (d >= p0)
                    dates[dated++] = d;
            }
            order = order[..used];
            int distinctDates = CountDistinct(dates[..dated]);
            SortByDrugThenDate(order, fills);

            // Step 4: per drug, each fill starts the day after the previous one ends. Steps 5–6: each shifted supply,
            // truncated to [IPSD, T], becomes a +1 event at its first day and a −1 event the day after its last.
            int count = 0;
            string? drug = null;
            int previousEnd = int.MinValue;
            foreach (int i in order)
            {
                ref readonly Dispense f = ref fills[i];
                if (!string.Equals(drug, f.DrugKey, StringComparison.Ordinal))
                {
                    drug = f.DrugKey;
                    previousEnd = int.MinValue;
                }
                int start = previousEnd == int.MinValue ? f.FilledOn.DayNumber : Math.Max(f.FilledOn.DayNumber, previousEnd + 1);
                int last = start + f.DaysSupply - 1;
                previousEnd = last;
                int lo = Math.Max(start, ipsd), hi = Math.Min(last, end);
                if (lo <= hi)
                {
                    events[count++] = Event(lo, +1);
                    events[count++] = Event(hi + 1, -1);
                }
            }
            events = events[..count];
            events.Sort();
            int covered = CoveredDays(events, rules.MinimumConcurrentDrugs);
            int treatmentDays = end - ipsd + 1;                                      // step 3
            bool eligible = distinctDates >= rules.MinimumFills
                            && (!rules.RequireIndexAtLeast91DaysBeforeEnd || end - ipsd >= 91);
            return new PdcResult(eligible, DateOnly.FromDayNumber(ipsd), treatmentDays, covered, inPeriod, distinctDates);
        }
        finally
        {
            if (rentedOrder is not null) ArrayPool<int>.Shared.Return(rentedOrder);
            if (rentedDates is not null) ArrayPool<int>.Shared.Return(rentedDates);
            if (rentedEvents is not null) ArrayPool<long>.Shared.Return(rentedEvents);
        }
    }

    // An event packs the day (high bits) and the change in the number of drugs covering it (low two bits: 0 = −1, 2 = +1).
    private static long Event(int day, int delta) => ((long)day << 2) | (uint)(delta + 1);

    // Sweeps the sorted events: between consecutive event days the number of drugs on hand is constant; those stretches
    // with at least k drugs are covered. Equivalent to marking every covered day, in O(fills) rather than O(days).
    private static int CoveredDays(ReadOnlySpan<long> sortedEvents, int k)
    {
        int covered = 0, drugs = 0;
        long previousDay = 0;
        foreach (long e in sortedEvents)
        {
            long day = e >> 2;
            if (drugs >= k)
                covered += (int)(day - previousDay);
            drugs += (int)(e & 3) - 1;
            previousDay = day;
        }
        return covered;
    }

    private static int CountDistinct(Span<int> days)
    {
        days.Sort();
        int distinct = 0;
        for (int i = 0; i < days.Length; i++)
        {
            if (i == 0 || days[i] != days[i - 1]) distinct++;
        }
        return distinct;
    }

    // Stable sort of fill indices by (drug ordinal, date of service, input order): insertion sort for the usual handful of
    // fills, no allocation; a keyed array sort beyond 64 fills (kept in its own method so its closure is only allocated there).
    private static void SortByDrugThenDate(Span<int> order, ReadOnlySpan<Dispense> fills)
    {
        if (order.Length > StackFills)
        {
            SortLarge(order, fills);
            return;
        }
        for (int i = 1; i < order.Length; i++)
        {
            int x = order[i], j = i - 1;
            while (j >= 0 && Compare(fills[order[j]], order[j], fills[x], x) > 0)
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
    }

    private static void SortLarge(Span<int> order, ReadOnlySpan<Dispense> fills)
    {
        var copy = fills.ToArray();
        var indices = order.ToArray();
        Array.Sort(indices, (a, b) => Compare(copy[a], a, copy[b], b));
        indices.CopyTo(order);
    }

    private static int Compare(in Dispense a, int ia, in Dispense b, int ib)
    {
        int c = string.CompareOrdinal(a.DrugKey, b.DrugKey);
        if (c != 0) return c;
        c = a.FilledOn.CompareTo(b.FilledOn);
        return c != 0 ? c : ia.CompareTo(ib);
    }
}
