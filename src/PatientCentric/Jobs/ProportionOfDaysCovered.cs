using System.Buffers;
using PatientCentric.Scoring;

namespace PatientCentric.Jobs;

/// <summary>Computes the Proportion of Days Covered exactly as PQA defines it (DOMAIN.md §4.1): index prescription start
/// date, same-drug overlaps shifted forward, different drugs not shifted (a day counts if any drug of the class covers
/// it, or at least k drugs in the concurrent-use variant), supply past the end truncated, no carry-in unless allowed.</summary>
/// <remarks>Sources: Pharmacy Quality Alliance, PDC measure specifications (PDC-DR, PDC-RASA, PDC-STA); Montavon, pdc-python
/// and pdc-sql tutorials (same rules). Allocation-free for up to 64 fills and 1,000-day treatment periods; thread-safe.</remarks>
public static class ProportionOfDaysCovered
{
    private const int StackFills = 64;
    private const int StackDays = 1024;

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
        // Steps 1–2: in-period fills, IPSD, distinct dates of service.
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

        int[]? rentedOrder = null;
        Span<int> order = fills.Length <= StackFills ? stackalloc int[StackFills] : (rentedOrder = ArrayPool<int>.Shared.Rent(fills.Length));
        int used = 0;
        for (int i = 0; i < fills.Length; i++)
        {
            int d = fills[i].FilledOn.DayNumber;
            if (d <= end && (d >= p0 || rules.AllowPriorSupply))
                order[used++] = i;
        }
        order = order[..used];
        int treatmentDays = end - ipsd + 1;                                         // step 3
        int[]? rentedDays = null;
        Span<int> diff = treatmentDays + 1 <= StackDays ? stackalloc int[StackDays] : (rentedDays = ArrayPool<int>.Shared.Rent(treatmentDays + 1));
        diff = diff[..(treatmentDays + 1)];
        diff.Clear();
        try
        {
            SortByDrugThenDate(order, fills);
            int distinctDates = CountDistinctInPeriodDates(order, fills, p0);
            // Step 4: per drug, shift each fill to start after the previous one ends; step 5: count drugs per day.
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
                int start = Math.Max(f.FilledOn.DayNumber, previousEnd == int.MinValue ? int.MinValue : previousEnd + 1);
                int last = start + f.DaysSupply - 1;
                previousEnd = last;
                int lo = Math.Max(start, ipsd), hi = Math.Min(last, end);             // step 6: truncate to [IPSD, T]
                if (lo <= hi)
                {
                    diff[lo - ipsd]++;
                    diff[hi - ipsd + 1]--;
                }
            }
            int covered = 0, drugsToday = 0, k = rules.MinimumConcurrentDrugs;
            for (int day = 0; day < treatmentDays; day++)
            {
                drugsToday += diff[day];
                if (drugsToday >= k) covered++;
            }
            bool eligible = distinctDates >= rules.MinimumFills
                            && (!rules.RequireIndexAtLeast91DaysBeforeEnd || end - ipsd >= 91);
            return new PdcResult(eligible, DateOnly.FromDayNumber(ipsd), treatmentDays, covered, inPeriod, distinctDates);
        }
        finally
        {
            if (rentedOrder is not null) ArrayPool<int>.Shared.Return(rentedOrder);
            if (rentedDays is not null) ArrayPool<int>.Shared.Return(rentedDays);
        }
    }

    // Stable sort of fill indices by (drug ordinal, date of service, input order): insertion sort for the usual handful of
    // fills, no allocation; a keyed array sort beyond 64 fills.
    private static void SortByDrugThenDate(Span<int> order, ReadOnlySpan<Dispense> fills)
    {
        if (order.Length <= StackFills)
        {
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
            return;
        }
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

    private static int CountDistinctInPeriodDates(ReadOnlySpan<int> order, ReadOnlySpan<Dispense> fills, int p0)
    {
        // Dates across all drugs of the class (step 9): count each in-period date once.
        int distinct = 0;
        for (int a = 0; a < order.Length; a++)
        {
            DateOnly d = fills[order[a]].FilledOn;
            if (d.DayNumber < p0) continue;
            bool seen = false;
            for (int b = 0; b < a && !seen; b++)
                seen = fills[order[b]].FilledOn == d;
            if (!seen) distinct++;
        }
        return distinct;
    }
}
