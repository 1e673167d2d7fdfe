using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Jobs;
using PatientCentric.Scoring;

namespace PatientCentric.Tests.Jobs;

public sealed class ProportionOfDaysCoveredTests
{
    private static readonly MeasurementPeriod Year2018 = new(new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31));

    private static Dispense Fill(string drug, int month, int day, int supply) => new(drug, new DateOnly(2018, month, day), supply);

    // PQA's published PDC-DR test cases (pqaalliance.org/assets/Measures/pdc-dr.js.txt) list each claim's first and last
    // dose after shifting; the covered days and PDCs below follow from those published dose ranges.

    [Fact]
    public void PqaCase1_TwoDrugsOfTheClassInSequence_AreNotShifted()
    {
        // metformin 1 Jan ×90 → 1 Jan–31 Mar; glipizide 1 Apr ×90 → 1 Apr–29 Jun: 180 covered days of 365.
        var r = ProportionOfDaysCovered.Compute([Fill("METFORMIN", 1, 1, 90), Fill("GLIPIZIDE", 4, 1, 90)], Year2018);
        Assert.Equal((true, new DateOnly(2018, 1, 1), 365, 180), (r.InDenominator, r.IndexDate, r.TreatmentDays, r.DaysCovered));
        Assert.Equal(180.0 / 365, r.Pdc!.Value, precision: 15);
        Assert.False(r.IsAdherent(0.80));
    }

    [Fact]
    public void PqaCase2_TwoDrugsOnOneDay_CoverTheSameDaysOnce_AndOneDateIsNotEnoughForTheDenominator()
    {
        var r = ProportionOfDaysCovered.Compute([Fill("METFORMIN", 1, 1, 90), Fill("GLIPIZIDE", 1, 1, 90)], Year2018);
        Assert.Equal((false, 90, 1), (r.InDenominator, r.DaysCovered, r.DistinctFillDates));
        Assert.Equal(90.0 / 365, r.Pdc!.Value, precision: 15);   // step 9: a PDC value, but not in the denominator
    }

    [Fact]
    public void PqaCase3_EarlyRefillOfTheSameDrug_IsShiftedForward()
    {
        // 25 Mar ×90 → 25 Mar–22 Jun; 5 Jul ×90 → 5 Jul–2 Oct; 25 Sep ×90 → shifted to 3 Oct–31 Dec.
        var r = ProportionOfDaysCovered.Compute([Fill("METFORMIN", 3, 25, 90), Fill("METFORMIN", 7, 5, 90), Fill("METFORMIN", 9, 25, 90)], Year2018);
        Assert.Equal((new DateOnly(2018, 3, 25), 282, 270), (r.IndexDate, r.TreatmentDays, r.DaysCovered));
        Assert.Equal(270.0 / 282, r.Pdc!.Value, precision: 15);
        Assert.True(r.IsAdherent(0.80));
    }

    [Fact]
    public void PqaCase4_SupplyPastTheEnd_IsTruncated()
    {
        // 1 Jan, 25 Mar (→ 1 Apr–29 Jun), 5 Jul, 15 Oct (→ 15 Oct–31 Dec, truncated): 90 + 90 + 90 + 78 = 348 of 365.
        var r = ProportionOfDaysCovered.Compute(
            [Fill("METFORMIN", 1, 1, 90), Fill("METFORMIN", 3, 25, 90), Fill("METFORMIN", 7, 5, 90), Fill("METFORMIN", 10, 15, 90)], Year2018);
        Assert.Equal((365, 348), (r.TreatmentDays, r.DaysCovered));
    }

    [Fact]
    public void PqaCase5_ThirtyDayRefillsOverlapByTwoDays_AreShifted()
    {
        // 4 Oct ×30 → 4 Oct–2 Nov; 1 Nov ×30 → shifted to 3 Nov–2 Dec (published first dose 3 Nov).
        var r = ProportionOfDaysCovered.Compute([Fill("METFORMIN", 10, 4, 30), Fill("METFORMIN", 11, 1, 30)], Year2018);
        Assert.Equal((89, 60), (r.TreatmentDays, r.DaysCovered));   // 4 Oct–31 Dec = 89 days; 4 Oct–2 Dec covered
    }

    [Fact]
    public void DayOfFillIsDayOne_A90DayFillOn1JanCoversTo31Mar()
    {
        var r = ProportionOfDaysCovered.Compute([Fill("LISINOPRIL", 1, 1, 90)], new MeasurementPeriod(new DateOnly(2018, 1, 1), new DateOnly(2018, 3, 31)));
        Assert.Equal(1.0, r.Pdc);
        var oneMore = ProportionOfDaysCovered.Compute([Fill("LISINOPRIL", 1, 1, 90)], new MeasurementPeriod(new DateOnly(2018, 1, 1), new DateOnly(2018, 4, 1)));
        Assert.Equal(90.0 / 91, oneMore.Pdc!.Value, precision: 15);
    }

    [Fact]
    public void TwoSameDrugFillsOnOneDay_AreStacked()
    {
        var r = ProportionOfDaysCovered.Compute([Fill("ATORVASTATIN", 6, 1, 30), Fill("ATORVASTATIN", 6, 1, 30)], Year2018);
        Assert.Equal((60, 1), (r.DaysCovered, r.DistinctFillDates));
    }

    [Fact]
    public void PriorSupply_IsIgnoredByDefault_AndCarriesInWhenAllowed()
    {
        Dispense[] fills = [new("SIMVASTATIN", new DateOnly(2017, 12, 15), 90), Fill("SIMVASTATIN", 1, 10, 90), Fill("SIMVASTATIN", 6, 1, 90)];
        var pqa = ProportionOfDaysCovered.Compute(fills, Year2018);
        Assert.Equal((new DateOnly(2018, 1, 10), 356, 180), (pqa.IndexDate, pqa.TreatmentDays, pqa.DaysCovered));
        // Carry-in: 15 Dec ×90 covers to 14 Mar; the 10 Jan fill shifts to 15 Mar–12 Jun; the 1 Jun fill shifts to 13 Jun–10 Sep.
        // Counted from IPSD 10 Jan: 10 Jan–10 Sep = 244 days.
        var carry = ProportionOfDaysCovered.Compute(fills, Year2018, new PdcRules(AllowPriorSupply: true));
        Assert.Equal((new DateOnly(2018, 1, 10), 356, 244), (carry.IndexDate, carry.TreatmentDays, carry.DaysCovered));
        Assert.Equal(2, carry.DistinctFillDates);   // prior fills never count towards the denominator
    }

    [Fact]
    public void EligibilityEnd_EndsTheTreatmentPeriod()
    {
        var r = ProportionOfDaysCovered.Compute([Fill("LOSARTAN", 1, 1, 90), Fill("LOSARTAN", 4, 1, 90)], Year2018, eligibilityEnd: new DateOnly(2018, 5, 31));
        Assert.Equal((151, 151), (r.TreatmentDays, r.DaysCovered));
        var late = ProportionOfDaysCovered.Compute([Fill("LOSARTAN", 6, 1, 90)], Year2018, eligibilityEnd: new DateOnly(2018, 5, 31));
        Assert.Null(late.Pdc);   // the only fill is after E
    }

    [Fact]
    public void ConcurrentUse_CountsOnlyDaysWithAtLeastKDrugs()
    {
        // A 1–20 Jan, B 1–10 Jan, C 5 Jan–5 Mar; period 1 Jan–1 Mar (60 days).
        Dispense[] fills = [Fill("A", 1, 1, 20), Fill("B", 1, 1, 10), Fill("C", 1, 5, 60)];
        var period = new MeasurementPeriod(new DateOnly(2018, 1, 1), new DateOnly(2018, 3, 1));
        Assert.Equal(60, ProportionOfDaysCovered.Compute(fills, period).DaysCovered);
        Assert.Equal(20, ProportionOfDaysCovered.Compute(fills, period, new PdcRules(MinimumConcurrentDrugs: 2)).DaysCovered);   // 1–20 Jan
        Assert.Equal(6, ProportionOfDaysCovered.Compute(fills, period, new PdcRules(MinimumConcurrentDrugs: 3)).DaysCovered);    // 5–10 Jan
    }

    [Fact]
    public void NoFillInThePeriod_IsNotComputable()
    {
        var r = ProportionOfDaysCovered.Compute([new Dispense("METFORMIN", new DateOnly(2017, 12, 1), 90)], Year2018);
        Assert.Equal((false, null, null, null), (r.InDenominator, r.IndexDate, r.Pdc, r.IsAdherent(0.8)));
    }

    [Fact]
    public void OlderEligibilityRule_RequiresIndexDate91DaysBeforeTheEnd()
    {
        Dispense[] fills = [Fill("METFORMIN", 10, 1, 30), Fill("METFORMIN", 11, 1, 30)];   // IPSD 1 Oct: 91 days before 31 Dec
        Assert.True(ProportionOfDaysCovered.Compute(fills, Year2018, new PdcRules(RequireIndexAtLeast91DaysBeforeEnd: true)).InDenominator);
        Dispense[] later = [Fill("METFORMIN", 10, 2, 30), Fill("METFORMIN", 11, 1, 30)];
        Assert.False(ProportionOfDaysCovered.Compute(later, Year2018, new PdcRules(RequireIndexAtLeast91DaysBeforeEnd: true)).InDenominator);
    }

    [Theory]
    [InlineData(15999, true)]    // 0.79995 rounds half away from zero to 0.8000
    [InlineData(15998, false)]   // 0.7999
    public void Adherent_ComparesThePdcRoundedToFourDecimals(int covered, bool adherent) =>
        Assert.Equal(adherent, new PdcResult(true, new DateOnly(2018, 1, 1), 20000, covered, 2, 2).IsAdherent(0.80));

    [Fact]
    public void InvalidFill_NamesTheFieldAndIndex_NotThePatient()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ProportionOfDaysCovered.Compute([Fill("A", 1, 1, 30), Fill("A", 2, 1, 0)], Year2018));
        Assert.StartsWith("fills[1].DaysSupply must be a whole number of 1 or more.", e.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<ArgumentException>(() => ProportionOfDaysCovered.Compute([new Dispense("", new DateOnly(2018, 1, 1), 30)], Year2018));
        Assert.StartsWith("fills[0].DrugKey", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyFills_UseThePooledPath_AndGiveTheSameAnswer()
    {
        var fills = Enumerable.Range(0, 100).Select(i => new Dispense(i % 2 == 0 ? "A" : "B", new DateOnly(2018, 1, 1).AddDays(i * 3), 5)).ToArray();
        var r = ProportionOfDaysCovered.Compute(fills, Year2018);
        Assert.Equal(ReferenceDaysCovered(fills, Year2018), r.DaysCovered);
    }

    // --- properties (generators: up to 15 fills of 3 drugs, 1–120 days' supply, dated around 2018) ---

    private static Gen<Dispense> OneFill(int fromDay) =>
        from drug in Gen.Elements("A", "B", "C")
        from day in Gen.Choose(fromDay, 364)
        from supply in Gen.Choose(1, 120)
        select new Dispense(drug, new DateOnly(2018, 1, 1).AddDays(day), supply);

    private static Arbitrary<Dispense[]> Fills() => OneFill(-60).ArrayOf().Where(a => a.Length <= 15).ToArbitrary();

    [Property(MaxTest = 1_000)]
    public Property Pdc_IsBetweenZeroAndOne() =>
        Prop.ForAll(Fills(), fills => ProportionOfDaysCovered.Compute(fills, Year2018).Pdc is not { } p || p is >= 0 and <= 1);

    [Property(MaxTest = 1_000)]
    public Property OrderOfFills_DoesNotMatter() =>
        Prop.ForAll(Fills(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (fills, seed) =>
        {
            var shuffled = (Dispense[])fills.Clone();
            new Random(seed).Shuffle(shuffled);
            return ProportionOfDaysCovered.Compute(fills, Year2018) == ProportionOfDaysCovered.Compute(shuffled, Year2018);
        });

    [Property(MaxTest = 1_000)]
    public Property AddingAFill_NeverLowersDaysCovered() =>
        Prop.ForAll(Fills(), OneFill(0).ToArbitrary(), (fills, added) =>
        {
            var before = ProportionOfDaysCovered.Compute(fills, Year2018);
            var after = ProportionOfDaysCovered.Compute([.. fills, added], Year2018);
            // Days covered never fall; if the new fill moves the index date earlier, the covered set can only grow too.
            return after.DaysCovered >= before.DaysCovered;
        });

    [Property(MaxTest = 1_000)]
    public Property MatchesAPlainPerDayReference() =>
        Prop.ForAll(Fills(), fills => ProportionOfDaysCovered.Compute(fills, Year2018).DaysCovered == ReferenceDaysCovered(fills, Year2018));

    /// <summary>The definition read literally: shift per drug, put every covered day in a set, count the set in [IPSD, T].</summary>
    internal static int ReferenceDaysCovered(IEnumerable<Dispense> fills, MeasurementPeriod period)
    {
        var inPeriod = fills.Where(f => period.Contains(f.FilledOn)).ToList();
        if (inPeriod.Count == 0) return 0;
        var ipsd = inPeriod.Min(f => f.FilledOn);
        var days = new HashSet<DateOnly>();
        foreach (var drug in inPeriod.GroupBy(f => f.DrugKey))
        {
            DateOnly? previousEnd = null;
            foreach (var f in drug.OrderBy(f => f.FilledOn))
            {
                var start = previousEnd is { } e && e.AddDays(1) > f.FilledOn ? e.AddDays(1) : f.FilledOn;
                for (int i = 0; i < f.DaysSupply; i++) days.Add(start.AddDays(i));
                previousEnd = start.AddDays(f.DaysSupply - 1);
            }
        }
        return days.Count(d => d >= ipsd && d <= period.End);
    }
}

public sealed class PdcPopulationTests
{
    private static readonly MeasurementPeriod Year2018 = new(new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31));

    private static Gen<Dispense[]> Patient() =>
        (from drug in Gen.Elements("A", "B")
         from day in Gen.Choose(-30, 364)
         from supply in Gen.Choose(1, 120)
         select new Dispense(drug, new DateOnly(2018, 1, 1).AddDays(day), supply)).ArrayOf().Where(a => a.Length <= 8);

    private static PdcPopulation Count(IEnumerable<Dispense[]> patients)
    {
        var p = new PdcPopulation();
        foreach (var fills in patients)
            p.Add(ProportionOfDaysCovered.Compute(fills, Year2018));
        return p;
    }

    private static string Fingerprint(PdcPopulation p) => $"{p.WithPdc}/{p.InDenominator}/{p.Adherent}/{string.Join(",", p.Distribution)}";

    [Property(MaxTest = 300)]
    public Property Shards_MergeToExactlyTheOnePassResult_InAnyOrder() =>
        Prop.ForAll(Patient().ArrayOf().ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), (patients, shards) =>
        {
            var parts = patients.Select((p, i) => (p, i)).GroupBy(x => x.i % shards).Select(g => Count(g.Select(x => x.p))).ToList();
            var forward = new PdcPopulation();
            foreach (var part in parts) forward.Add(part);
            var backward = new PdcPopulation();
            foreach (var part in Enumerable.Reverse(parts)) backward.Add(part);
            string whole = Fingerprint(Count(patients));
            return Fingerprint(forward) == whole && Fingerprint(backward) == whole;
        });

    [Fact]
    public void Distribution_PutsAPdcOfExactlyOneInTheLastBin_AndUsesIntegerBins()
    {
        var p = new PdcPopulation();
        p.Add(new PdcResult(true, new DateOnly(2018, 1, 1), 365, 365, 2, 2));
        p.Add(new PdcResult(true, new DateOnly(2018, 1, 1), 20, 1, 2, 2));     // 0.05 exactly: bin 1
        p.Add(new PdcResult(false, new DateOnly(2018, 1, 1), 20, 20, 1, 1));   // not in the denominator: not binned
        Assert.Equal((3, 2, 1), (p.WithPdc, p.InDenominator, p.Adherent));
        Assert.Equal(1, p.Distribution[PdcPopulation.BinCount - 1]);
        Assert.Equal(1, p.Distribution[1]);
        Assert.Equal(0.5, p.AdherenceRate);
    }
}

public sealed class PdcAllocationTests
{
    [Fact]
    public void Compute_AllocatesNothingPerPatient_UpTo64Fills()
    {
        // Bytes, not time: the managed allocation counter is exact and does not depend on machine load.
        var year = new MeasurementPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var fills = Enumerable.Range(0, 12).Select(i => new Dispense(i % 3 == 2 ? "B" : "A", new DateOnly(2025, 1, 1).AddDays(i * 31), 30)).ToArray();
        var population = new PdcPopulation();
        for (int i = 0; i < 100; i++)
            population.Add(ProportionOfDaysCovered.Compute(fills, year));   // warm up
        // Up to three rounds of 1,000 patients: an allocation per patient shows in every round, while a one-off allocation
        // the runtime makes on this thread (2,768 bytes once, in a CI run under load) does not fail a test about patients.
        long allocated = long.MaxValue;
        for (int round = 0; round < 3 && allocated != 0; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
                population.Add(ProportionOfDaysCovered.Compute(fills, year));
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Assert.Equal(0, allocated);
    }
}
