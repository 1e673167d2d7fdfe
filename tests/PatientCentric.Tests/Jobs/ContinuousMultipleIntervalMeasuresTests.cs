using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Jobs;

namespace PatientCentric.Tests.Jobs;

public sealed class ContinuousMultipleIntervalMeasuresTests
{
    // ---------------------------------------------------------------------------------------------------------------
    // Published example. AdhereR vignette "AdhereR: Adherence to Medications" (Dima, Dediu & Allemann; the package's
    // overview vignette, also the running example of Dima & Dediu 2017, PLoS ONE 12(4):e0174426), Table 1: patients 37
    // and 76 of the data set med.events (DATE, PERDAY, CATEGORY, DURATION).
    // Day numbers below count from each patient's first event (DOMAIN.md §0, whole days).
    // ---------------------------------------------------------------------------------------------------------------

    // Day 0 = 2036-04-10. Days: 0, 111, 158 (medA, 50 days each); 267, 296, 394, 490, 578 (medB, 30 days each).
    private static readonly MedicationEvent[] Patient37 =
    [
        E("2036-04-10", "medA", 50, 4), E("2036-07-30", "medA", 50, 4), E("2036-09-15", "medA", 50, 4),
        E("2037-01-02", "medB", 30, 4), E("2037-01-31", "medB", 30, 4), E("2037-05-09", "medB", 30, 4),
        E("2037-08-13", "medB", 30, 4), E("2037-11-09", "medB", 30, 4),
    ];

    // Day 0 = 2035-12-13. Days: 0, 36 (medA, 30); 41, 134, 239, 295, 352 (medA, 60); 374, 389, 578 (medB, 30);
    // 668 (medA, 30).
    private static readonly MedicationEvent[] Patient76 =
    [
        E("2035-12-13", "medA", 30, 20), E("2036-01-18", "medA", 30, 20), E("2036-01-23", "medA", 60, 2),
        E("2036-04-25", "medA", 60, 2), E("2036-08-08", "medA", 60, 2), E("2036-10-03", "medA", 60, 2),
        E("2036-11-29", "medA", 60, 2), E("2036-12-21", "medB", 30, 6), E("2037-01-05", "medB", 30, 6),
        E("2037-07-13", "medB", 30, 6), E("2037-10-11", "medA", 30, 2),
    ];

    // The vignette's windows: followup.window.start = 0 (730 days, the default), observation.window.start = 182,
    // observation.window.duration = 365. So the FUW is days [0, 730] and the OW days [182, 547] for both patients
    // (AdhereR's windows are closed; neither patient has an event on day 547 or 730).
    private static readonly CmaWindow VignetteFollowUp = new(0, 730);
    private static readonly CmaWindow VignetteObservation = new(182, 365);

    private static MedicationEvent E(string date, string category, int days, double? perDay = null) =>
        new(DateOnly.ParseExact(date, "yyyy-MM-dd"), category, days, perDay);

    private static MedicationEvent[] Patient(int id) => id == 37 ? Patient37 : Patient76;

    private static double? Vignette(CmaType type, int patient, bool carryOnlyForSameCategory = false) =>
        ContinuousMultipleIntervalMeasures.Compute(type, Patient(patient), VignetteFollowUp, VignetteObservation, carryOnlyForSameCategory);

    private static double? Default(CmaType type, MedicationEvent[] events) =>
        ContinuousMultipleIntervalMeasures.Compute(type, events, CmaWindow.DefaultFollowUp, CmaWindow.DefaultObservation);

    [Fact]
    public void Compute_Cma1_VignettePatients_ReproducesThePublishedValues()
    {
        // Vignette, section "CMA1": cma1$CMA prints 37 → 0.4035874 and 76 → 1.4000000, and the text says patient 76's
        // CMA1 is 140 % ("considers only 4 events with considerable overlaps and results in a CMA1 of 140%").
        Assert.Equal(0.4035874, Vignette(CmaType.CMA1, 37)!.Value, precision: 7);
        Assert.Equal(1.4, Vignette(CmaType.CMA1, 76)!.Value, precision: 7);
    }

    [Fact]
    public void Compute_Patient76_MatchesTheVignettesRoundedPercentages()
    {
        // Vignette text for patient 76 with these windows: CMA2 "is 77.9%"; CMA3 "is now capped at 100%" and CMA4
        // "remains the same as CMA2"; CMA5 and CMA6 "do not make any difference" (equal CMA3 and CMA4); CMA7 "reduces
        // ... to 69%"; CMA9 "is higher than for CMA7 (70.6% versus 69%)".
        Assert.Equal(0.779, Vignette(CmaType.CMA2, 76)!.Value, precision: 3);
        Assert.Equal(1.0, Vignette(CmaType.CMA3, 76));
        Assert.Equal(Vignette(CmaType.CMA2, 76), Vignette(CmaType.CMA4, 76));
        Assert.Equal(Vignette(CmaType.CMA3, 76), Vignette(CmaType.CMA5, 76));
        Assert.Equal(Vignette(CmaType.CMA4, 76)!.Value, Vignette(CmaType.CMA6, 76)!.Value, precision: 12);
        Assert.Equal(0.69, Vignette(CmaType.CMA7, 76)!.Value, precision: 2);
        Assert.Equal(0.706, Vignette(CmaType.CMA9, 76)!.Value, precision: 3);
    }

    // Hand-computed from DOMAIN.md §4.2 (patient 76's published rounded values are checked above; see docs/adherence-cma.md).
    //
    // Patient 37. OW events: days 267, 296, 394, 490 (30 days each); day 578 is after the OW end (547).
    //   CMA1 = (30 + 30 + 30) / (490 − 267) = 90/223;  CMA2 = 4·30 / (547 − 267) = 120/280.
    //   CMA5 (chain of OW events): 267: 30 vs interval 29 → carry 1; 296: 31 vs 98 → gap 67; 394: 30 vs 96 → gap 66.
    //        1 − 133/223 = 90/223.  CMA6 adds 490: 30 vs 57 (to 547) → gap 27: 1 − 160/280 = 120/280.
    //   CMA7 (chain of all FUW events before 547): 0: 50 vs 111 → no carry; 111: 50 vs 47 → carry 3; 158: 53 → covered
    //        to 211, gap 211..267 = 56 (inside the OW); then the gaps 67, 66, 27 above: 1 − 216/365 = 149/365.
    //   CMA8: supply from before the OW ends at 158 + 53 = 211, so the window is [211, 547]: 336 days, the same 216 gap
    //        days: 1 − 216/336 = 120/336.
    //
    // Patient 76. OW events: days 239, 295, 352 (medA, 60), 374, 389 (medB, 30); day 578 is after the OW end.
    //   CMA1 = (60 + 60 + 60 + 30) / (389 − 239) = 210/150;  CMA2 = 240 / (547 − 239) = 240/308;  CMA3 = min(1, 1.4) = 1.
    //   CMA5: 239: 60 vs 56 → carry 4; 295: 64 vs 57 → carry 7; 352: 67 vs 22 → carry 45; 374: 75 vs 15 → carry 60:
    //        no gap, 150/150.  CMA6 adds 389: 90 vs 158 → gap 68: 1 − 68/308 = 240/308.
    //   CMA7: 0: 30 vs 36; 36: 30 vs 5 → carry 25; 41: 85 vs 93; 134: 60 → covered to 194, gap 194..239 = 45 inside the
    //        OW; then 68 as in CMA6: 1 − 113/365 = 252/365.
    //   CMA8: supply from before the OW ends at 134 + 60 = 194: window [194, 547] = 353 days, gaps 45 + 68 = 113:
    //        1 − 113/353 = 240/353 (equivalently (252 − 12)/(365 − 12): the 12 carried-in days leave both terms).
    [Theory]
    [InlineData(CmaType.CMA1, 37, 90, 223)]
    [InlineData(CmaType.CMA2, 37, 120, 280)]
    [InlineData(CmaType.CMA3, 37, 90, 223)]
    [InlineData(CmaType.CMA4, 37, 120, 280)]
    [InlineData(CmaType.CMA5, 37, 90, 223)]
    [InlineData(CmaType.CMA6, 37, 120, 280)]
    [InlineData(CmaType.CMA7, 37, 149, 365)]
    [InlineData(CmaType.CMA8, 37, 120, 336)]
    [InlineData(CmaType.CMA1, 76, 210, 150)]
    [InlineData(CmaType.CMA2, 76, 240, 308)]
    [InlineData(CmaType.CMA3, 76, 1, 1)]
    [InlineData(CmaType.CMA4, 76, 240, 308)]
    [InlineData(CmaType.CMA5, 76, 150, 150)]
    [InlineData(CmaType.CMA6, 76, 240, 308)]
    [InlineData(CmaType.CMA7, 76, 252, 365)]
    [InlineData(CmaType.CMA8, 76, 240, 353)]
    public void Compute_VignettePatients_MatchesTheHandComputedValue(CmaType type, int patient, int numerator, int denominator) =>
        Assert.Equal((double)numerator / denominator, Vignette(type, patient)!.Value, precision: 12);

    [Fact]
    public void Compute_Cma9_VignettePatients_IsTheTimeWeightedMeanOfIntervalCoverage()
    {
        // Intervals over the whole FUW (the last one ends at day 730), weighted by their days inside the OW [182, 547].
        // Patient 37: [158, 267) has 53 of 109 days supplied and 85 days in the OW; [267, 296) fully covered, 29 days;
        // [296, 394) 31/98, 98 days; [394, 490) 30/96, 96 days; [490, 578) 30/88, 57 days. Weights sum to 365.
        double p37 = ((85 * 53.0 / 109) + 29 + (98 * 31.0 / 98) + (96 * 30.0 / 96) + (57 * 30.0 / 88)) / 365;
        // Patient 76: [134, 239) 60/105, 57 days in the OW; [239, 295), [295, 352), [352, 374), [374, 389) fully covered
        // (56 + 57 + 22 + 15 days); [389, 578) 90/189 (30 + 60 carried), 158 days.
        double p76 = ((57 * 60.0 / 105) + 56 + 57 + 22 + 15 + (158 * 90.0 / 189)) / 365;
        Assert.Equal(p37, Vignette(CmaType.CMA9, 37)!.Value, precision: 12);
        Assert.Equal(p76, Vignette(CmaType.CMA9, 76)!.Value, precision: 12);
        Assert.Equal(0.41304683, p37, precision: 8);
        Assert.Equal(0.70632746, p76, precision: 8);
    }

    // Patient 76 switches from medA to medB on day 374 with 45 days of medA left (352: 67 supplied vs 22 days).
    // Carrying only within a category drops that surplus: 374: 30 vs 15 → carry 15 (medB to medB); 389: 45 vs 158.
    //   CMA5: still no gap between 239 and 389 → 150/150.  CMA6: gap 158 − 45 = 113 → 1 − 113/308 = 195/308.
    //   CMA7: 45 + 113 → 1 − 158/365 = 207/365.  CMA8: window [194, 547], the same 158 gap days: 1 − 158/353 = 195/353.
    [Theory]
    [InlineData(CmaType.CMA5, 150, 150)]
    [InlineData(CmaType.CMA6, 195, 308)]
    [InlineData(CmaType.CMA7, 207, 365)]
    [InlineData(CmaType.CMA8, 195, 353)]
    public void Compute_CarryOnlyForSameCategory_Patient76_DropsTheMedASurplusAtTheSwitch(CmaType type, int numerator, int denominator) =>
        Assert.Equal((double)numerator / denominator, Vignette(type, 76, carryOnlyForSameCategory: true)!.Value, precision: 12);

    [Fact]
    public void Compute_CarryOnlyForSameCategory_Patient76Cma9_UsesOnlyTheMedBSupplyAfterTheSwitch()
    {
        // As in the CMA9 example, but [389, 578) now has 30 + 15 = 45 of 189 days supplied.
        double expected = ((57 * 60.0 / 105) + 56 + 57 + 22 + 15 + (158 * 45.0 / 189)) / 365;
        Assert.Equal(expected, Vignette(CmaType.CMA9, 76, carryOnlyForSameCategory: true)!.Value, precision: 12);
    }

    [Theory]
    [InlineData(CmaType.CMA5)]
    [InlineData(CmaType.CMA6)]
    [InlineData(CmaType.CMA7)]
    [InlineData(CmaType.CMA8)]
    [InlineData(CmaType.CMA9)]
    public void Compute_CarryOnlyForSameCategory_Patient37_ChangesNothing_BecauseNoSurplusCrossesTheSwitch(CmaType type) =>
        // Patient 37's medA supply runs out on day 211, long before the first medB event on day 267.
        Assert.Equal(Vignette(type, 37), Vignette(type, 37, carryOnlyForSameCategory: true));

    [Fact]
    public void Compute_CarryOver_CoversTheNextIntervalOnlyWhenAllowed()
    {
        // Day 0: medA for 60 days; day 30: medB for 30 days; OW = FUW = days [0, 90].
        MedicationEvent[] events = [E("2030-01-01", "medA", 60), E("2030-01-31", "medB", 30)];
        var window = new CmaWindow(0, 90);
        // Carried over: day 30 has 30 + 30 = 60 days, covering to day 90 → no gap.
        Assert.Equal(1.0, ContinuousMultipleIntervalMeasures.Compute(CmaType.CMA7, events, window, window));
        // Same category only: medB starts alone on day 30 and lasts to day 60 → gap 60..90 = 30: 1 − 30/90.
        Assert.Equal(60.0 / 90, ContinuousMultipleIntervalMeasures.Compute(CmaType.CMA7, events, window, window, carryOnlyForSameCategory: true)!.Value, precision: 12);
    }

    [Fact]
    public void Compute_Oversupply_RaisesCma1ButNotTheGapMeasures()
    {
        // Day 0: 100 days; day 50: 10 days; default windows (days [0, 730]).
        MedicationEvent[] events = [E("2030-01-01", "medA", 100), E("2030-02-20", "medA", 10)];
        Assert.Equal(100.0 / 50, Default(CmaType.CMA1, events));            // supply of the first event over 50 days
        Assert.Equal(1.0, Default(CmaType.CMA3, events));                   // capped
        Assert.Equal(1.0, Default(CmaType.CMA5, events));                   // no gap between the events
        Assert.Equal(110.0 / 730, Default(CmaType.CMA2, events)!.Value, precision: 12);
        // Day 50: 10 + 50 carried = 60 days, covered to day 110: gap 110..730 = 620 → 1 − 620/730.
        Assert.Equal(110.0 / 730, Default(CmaType.CMA6, events)!.Value, precision: 12);
    }

    [Fact]
    public void Compute_OneOwEvent_Cma1Cma3Cma5AreNull_Cma2Cma4Cma6AreNot()
    {
        MedicationEvent[] events = [E("2030-01-01", "medA", 30)];
        Assert.Null(Default(CmaType.CMA1, events));
        Assert.Null(Default(CmaType.CMA3, events));
        Assert.Null(Default(CmaType.CMA5, events));
        // 30 days supplied, 730 days from the event to the OW end; the one interval [0, 730) is 30/730 covered.
        foreach (var type in new[] { CmaType.CMA2, CmaType.CMA4, CmaType.CMA6, CmaType.CMA7, CmaType.CMA8, CmaType.CMA9 })
            Assert.Equal(30.0 / 730, Default(type, events)!.Value, precision: 12);
    }

    [Fact]
    public void Compute_FirstAndLastOwEventsOnTheSameDate_Cma1Cma3Cma5AreNull()
    {
        MedicationEvent[] events = [E("2030-01-01", "medA", 30), E("2030-01-01", "medB", 30)];
        Assert.Null(Default(CmaType.CMA1, events));
        Assert.Null(Default(CmaType.CMA3, events));
        Assert.Null(Default(CmaType.CMA5, events));
        Assert.Equal(60.0 / 730, Default(CmaType.CMA2, events)!.Value, precision: 12);
    }

    [Fact]
    public void Compute_NoOwEvent_Cma2Cma4Cma6AreNull_ButCma7UsesTheSupplyCarriedIn()
    {
        // Day 0: 100 days. OW = days [50, 150]: no event inside it.
        MedicationEvent[] events = [E("2030-01-01", "medA", 100)];
        var followUp = CmaWindow.DefaultFollowUp;
        var observation = new CmaWindow(50, 100);
        double? Run(CmaType t) => ContinuousMultipleIntervalMeasures.Compute(t, events, followUp, observation);
        foreach (var type in new[] { CmaType.CMA1, CmaType.CMA2, CmaType.CMA3, CmaType.CMA4, CmaType.CMA5, CmaType.CMA6 })
            Assert.Null(Run(type));
        Assert.Equal(0.5, Run(CmaType.CMA7));       // days 50..100 covered by carried-in supply, 100..150 a gap
        Assert.Equal(0.0, Run(CmaType.CMA8));       // lagged window [100, 150]: all gap
        Assert.Equal(100.0 / 730, Run(CmaType.CMA9)!.Value, precision: 12);   // the interval [0, 730) is 100/730 covered
    }

    [Fact]
    public void Compute_Cma8_CarriedInSupplyLastingPastTheOwEnd_IsNull()
    {
        MedicationEvent[] events = [E("2030-01-01", "medA", 200)];
        var observation = new CmaWindow(50, 100);
        Assert.Null(ContinuousMultipleIntervalMeasures.Compute(CmaType.CMA8, events, CmaWindow.DefaultFollowUp, observation));
        Assert.Equal(1.0, ContinuousMultipleIntervalMeasures.Compute(CmaType.CMA7, events, CmaWindow.DefaultFollowUp, observation));
    }

    [Fact]
    public void Compute_Cma9_OwOutsideEveryEventInterval_IsNull()
    {
        // FUW = days [0, 100], OW = days [200, 250]: the last interval ends at the FUW end.
        MedicationEvent[] events = [E("2030-01-01", "medA", 30)];
        Assert.Null(ContinuousMultipleIntervalMeasures.Compute(CmaType.CMA9, events, new CmaWindow(0, 100), new CmaWindow(200, 50)));
    }

    [Fact]
    public void Compute_EventsBeforeTheFollowUpWindow_AreIgnored()
    {
        // FUW starts 10 days after the first event, so its 300-day supply does not count. FUW = OW = days [10, 110].
        MedicationEvent[] events = [E("2030-01-01", "medA", 300), E("2030-01-11", "medA", 30), E("2030-02-10", "medA", 30)];
        var followUp = new CmaWindow(10, 100);
        var observation = new CmaWindow(0, 100);
        // Day 10: 30 vs 30 → covered; day 40: 30 → covered to 70; gap 70..110 = 40: 1 − 40/100.
        Assert.Equal(0.6, ContinuousMultipleIntervalMeasures.Compute(CmaType.CMA7, events, followUp, observation)!.Value, precision: 12);
        Assert.Equal(30.0 / 30, ContinuousMultipleIntervalMeasures.Compute(CmaType.CMA1, events, followUp, observation));
    }

    [Fact]
    public void Compute_ObservationWindowIsClosedAtItsEnd()
    {
        // Days 0 and 100. AdhereR keeps an event dated on the OW end inside the OW: OW [0, 100] holds both events,
        // CMA1 = 10/100; OW [0, 99] holds only the first, so CMA1 is not computable.
        MedicationEvent[] events = [E("2030-01-01", "medA", 10), E("2030-04-11", "medA", 10)];
        Assert.Equal(10.0 / 100, ContinuousMultipleIntervalMeasures.Compute(CmaType.CMA1, events, CmaWindow.DefaultFollowUp, new CmaWindow(0, 100)));
        Assert.Null(ContinuousMultipleIntervalMeasures.Compute(CmaType.CMA1, events, CmaWindow.DefaultFollowUp, new CmaWindow(0, 99)));
    }

    // An event dated exactly on the OW end. FUW = days [0, 730] (default), OW = new CmaWindow(10, 90) = days [10, 100].
    // Day 0: 60 days (before the OW); day 50: 30 days; day 100: 20 days (on the OW end, so an OW event).
    //   CMA1 = 30 (day 50; the last OW event, day 100, is left out) / (100 − 50) = 30/50.   (Half-open: one OW event → null.)
    //   CMA2 = (30 + 20) / (100 − 50) = 50/50.                                                (Half-open: 30/50.)
    //   CMA3 = 30/50;  CMA4 = min(1, 1) = 1.
    //   CMA5: 50: 30 vs 50 → gap 20: 1 − 20/50 = 30/50.                                       (Half-open: null.)
    //   CMA6: 50: gap 20; 100: interval 0 → no gap: 30/50 (unchanged: the day-100 event covers no OW day).
    //   CMA7: 0: 60 vs 50 → covered to 60, carry 10; 50: 40 → covered to 90; gap 90..100 = 10: 1 − 10/90 = 80/90.
    //   CMA8: supply from before the OW ends on day 60: window [60, 100] = 40 days, gap 10: 30/40.
    //   CMA9: [0, 50) 50/50 covered, 40 days in the OW; [50, 100) 40/50, 50 days; [100, 730) has 0 days in the OW:
    //        (40 + 50·0.8)/90 = 80/90.  CMA6–CMA9 are the same as with a half-open window.
    [Theory]
    [InlineData(CmaType.CMA1, 30, 50)]
    [InlineData(CmaType.CMA2, 50, 50)]
    [InlineData(CmaType.CMA3, 30, 50)]
    [InlineData(CmaType.CMA4, 1, 1)]
    [InlineData(CmaType.CMA5, 30, 50)]
    [InlineData(CmaType.CMA6, 30, 50)]
    [InlineData(CmaType.CMA7, 80, 90)]
    [InlineData(CmaType.CMA8, 30, 40)]
    [InlineData(CmaType.CMA9, 80, 90)]
    public void Compute_EventOnTheObservationWindowEnd_IsAnOwEvent(CmaType type, int numerator, int denominator)
    {
        MedicationEvent[] events = [E("2030-01-01", "medA", 60), E("2030-02-20", "medA", 30), E("2030-04-11", "medA", 20)];
        double? value = ContinuousMultipleIntervalMeasures.Compute(type, events, CmaWindow.DefaultFollowUp, new CmaWindow(10, 90));
        Assert.Equal((double)numerator / denominator, value!.Value, precision: 12);
    }

    // An event dated exactly on the FUW end, with the OW reaching past it. FUW = new CmaWindow(0, 100) = days [0, 100];
    // OW = new CmaWindow(50, 100) = days [50, 150]. Day 0: 60 days; day 70: 20 days; day 100: 30 days (on the FUW end, so
    // used; with a half-open FUW it was dropped).
    //   OW events: days 70 and 100.  CMA1 = 20/(100 − 70) = 20/30;  CMA2 = (20 + 30)/(150 − 70) = 50/80.
    //   CMA3 = 20/30;  CMA4 = 50/80.  CMA5: 70: 20 vs 30 → gap 10: 1 − 10/30 = 20/30.
    //   CMA6: 70: gap 10; 100: 30 vs 50 → gap 20: 1 − 30/80 = 50/80.            (Half-open: 70: 20 vs 80 → 20/80.)
    //   CMA7: 0 covers to 60, gap 60..70 = 10; 70 covers to 90, gap 90..100 = 10; 100 covers to 130, gap 130..150 = 20:
    //        1 − 40/100 = 60/100.                                                 (Half-open: gaps 10 + 60 → 30/100.)
    //   CMA8: supply from before the OW ends on day 60: window [60, 150] = 90 days, the same 40 gap days: 50/90.
    //   CMA9: intervals [0, 70) 60/70, 20 days in the OW; [70, 100) 20/30, 30 days; [100, 100] has no length:
    //        (20·60/70 + 30·20/30)/50 (the same with a half-open FUW, whose last interval also ends on day 100).
    [Theory]
    [InlineData(CmaType.CMA1, 20, 30)]
    [InlineData(CmaType.CMA2, 50, 80)]
    [InlineData(CmaType.CMA3, 20, 30)]
    [InlineData(CmaType.CMA4, 50, 80)]
    [InlineData(CmaType.CMA5, 20, 30)]
    [InlineData(CmaType.CMA6, 50, 80)]
    [InlineData(CmaType.CMA7, 60, 100)]
    [InlineData(CmaType.CMA8, 50, 90)]
    public void Compute_EventOnTheFollowUpWindowEnd_IsUsed(CmaType type, int numerator, int denominator) =>
        Assert.Equal((double)numerator / denominator, FollowUpEnd(type)!.Value, precision: 12);

    [Fact]
    public void Compute_Cma9_EventOnTheFollowUpWindowEnd_AddsAZeroLengthInterval() =>
        Assert.Equal(((20 * 60.0 / 70) + (30 * 20.0 / 30)) / 50, FollowUpEnd(CmaType.CMA9)!.Value, precision: 12);

    private static double? FollowUpEnd(CmaType type)
    {
        MedicationEvent[] events = [E("2030-01-01", "medA", 60), E("2030-03-12", "medA", 20), E("2030-04-11", "medA", 30)];
        return ContinuousMultipleIntervalMeasures.Compute(type, events, new CmaWindow(0, 100), new CmaWindow(50, 100));
    }

    [Fact]
    public void Compute_OnlyEventOnTheObservationWindowEnd_LeavesNoDaysForCma2ButAllGapForCma7()
    {
        // FUW = new CmaWindow(10, 100) = days [10, 110], so the 300-day event on day 0 is outside it; OW = days [10, 110].
        // The only FUW event is on day 110, the OW end: an OW event, but CMA2's denominator 110 − 110 is 0 (not
        // computable), CMA7/CMA8 see no supply in the OW (0), and CMA9 has only the zero-length interval [110, 110].
        MedicationEvent[] events = [E("2030-01-01", "medA", 300), E("2030-04-21", "medA", 30)];
        double? Run(CmaType t) => ContinuousMultipleIntervalMeasures.Compute(t, events, new CmaWindow(10, 100), new CmaWindow(0, 100));
        foreach (var type in new[] { CmaType.CMA1, CmaType.CMA2, CmaType.CMA3, CmaType.CMA4, CmaType.CMA5, CmaType.CMA6, CmaType.CMA9 })
            Assert.Null(Run(type));
        Assert.Equal(0.0, Run(CmaType.CMA7));
        Assert.Equal(0.0, Run(CmaType.CMA8));
    }

    [Fact]
    public void Compute_Cma7Cma8_DaysFromTheOwStartToALaterFirstEvent_AreGaps()
    {
        // FUW = new CmaWindow(5, 100) = days [5, 105] (the 500-day event on day 0 is outside it); OW = days [5, 105].
        // Day 20: 30 days, covering to day 50. Gaps: 5..20 = 15 and 50..105 = 55: CMA7 = 1 − 70/100. Nothing is carried
        // in, so CMA8 has the same window. CMA6 starts at the first OW event: 1 − 55/85.
        MedicationEvent[] events = [E("2030-01-01", "medA", 500), E("2030-01-21", "medA", 30)];
        double? Run(CmaType t) => ContinuousMultipleIntervalMeasures.Compute(t, events, new CmaWindow(5, 100), new CmaWindow(0, 100));
        Assert.Equal(0.3, Run(CmaType.CMA7)!.Value, precision: 12);
        Assert.Equal(0.3, Run(CmaType.CMA8)!.Value, precision: 12);
        Assert.Equal(30.0 / 85, Run(CmaType.CMA6)!.Value, precision: 12);
    }

    [Fact]
    public void Compute_Cma8_VignetteLaggedWindow_ReproducesThePublishedValue()
    {
        // Vignette, section "CMA8": patient 76, observation.window.start = 374, duration 294 (OW = days [374, 668]);
        // "CMA8 is quite low 36.1%". The medA supply from before the OW: 352 had 67 days (7 carried in), 22 used by day
        // 374, so it ends on day 419. Window [419, 668] = 249 days. 374: 30 + 45 carried vs 15 → carry 60; 389: 90 days,
        // covered to 479, gap 479..578 = 99; 578: covered to 608, gap 608..668 = 60. 1 − 159/249 = 90/249 = 0.3614.
        var observation = new CmaWindow(374, 294);
        double? cma8 = ContinuousMultipleIntervalMeasures.Compute(CmaType.CMA8, Patient76, VignetteFollowUp, observation);
        Assert.Equal(0.361, cma8!.Value, precision: 3);
        Assert.Equal(90.0 / 249, cma8.Value, precision: 12);
        // This window ends on day 668, the date of patient 76's last event, which is therefore an OW event. Hand-computed:
        // OW events 374, 389, 578, 668 (30 days each): CMA1 = 90/(668 − 374) = 90/294 (half-open it was 60/204).
        Assert.Equal(90.0 / 294, ContinuousMultipleIntervalMeasures.Compute(CmaType.CMA1, Patient76, VignetteFollowUp, observation)!.Value, precision: 12);
    }

    [Fact]
    public void Compute_NoEvents_IsNullForEveryType()
    {
        foreach (var type in Enum.GetValues<CmaType>())
            Assert.Null(Default(type, []));
    }

    [Fact]
    public void Compute_IgnoresTheDailyDose()
    {
        var withoutDoses = Patient76.Select(e => e with { PerDay = null }).ToArray();
        foreach (var type in Enum.GetValues<CmaType>())
            Assert.Equal(Vignette(type, 76), ContinuousMultipleIntervalMeasures.Compute(type, withoutDoses, VignetteFollowUp, VignetteObservation));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // considerDosageChange (AdhereR's consider.dosage.change). The AdhereR reference manual (CMA5-CMA9): "if set as TRUE
    // and a new medication event has a different daily dosage recommendation, carry-over is recomputed assuming
    // medication use according to the new prescribed dosage". Surplus days at the old dose hold surplus × old PerDay
    // doses, which last surplus × old ÷ new days at the new dose.
    // ---------------------------------------------------------------------------------------------------------------

    private static double? Dosed(CmaType type, MedicationEvent[] events, CmaWindow observation, bool considerDosageChange) =>
        ContinuousMultipleIntervalMeasures.Compute(type, events, CmaWindow.DefaultFollowUp, observation, considerDosageChange: considerDosageChange);

    // Dose doubles. OW = new CmaWindow(0, 100) = days [0, 100]. Day 0: 40 days at 2/day; day 30: 20 days at 4/day;
    // day 60: 30 days at 4/day.
    //   Unchanged days: 0: 40 vs 30 → carry 10; 30: 30 vs 30 → no gap, no carry; 60: 30 vs 40 (to 100) → gap 10.
    //     CMA5 = 1 − 0/60 = 60/60;  CMA6 = CMA7 = CMA8 = 1 − 10/100 = 90/100.
    //   Converted: 10 days × 2 ÷ 4 = 5 days at 4/day; 30: 25 vs 30 → gap 5; 60: 30 vs 40 → gap 10.
    //     CMA5 = 1 − 5/60 = 55/60;  CMA6 = CMA7 = CMA8 = 1 − 15/100 = 85/100 (the OW starts at the first event).
    private static readonly MedicationEvent[] DoseDoubles =
        [E("2030-01-01", "medA", 40, 2), E("2030-01-31", "medA", 20, 4), E("2030-03-02", "medA", 30, 4)];

    [Theory]
    [InlineData(CmaType.CMA5, false, 60, 60)]
    [InlineData(CmaType.CMA5, true, 55, 60)]
    [InlineData(CmaType.CMA6, false, 90, 100)]
    [InlineData(CmaType.CMA6, true, 85, 100)]
    [InlineData(CmaType.CMA7, false, 90, 100)]
    [InlineData(CmaType.CMA7, true, 85, 100)]
    [InlineData(CmaType.CMA8, false, 90, 100)]
    [InlineData(CmaType.CMA8, true, 85, 100)]
    public void Compute_ConsiderDosageChange_DoseDoubles_HalvesTheCarriedDays(CmaType type, bool consider, int numerator, int denominator) =>
        Assert.Equal((double)numerator / denominator, Dosed(type, DoseDoubles, new CmaWindow(0, 100), consider)!.Value, precision: 12);

    [Fact]
    public void Compute_ConsiderDosageChange_DoseDoubles_Cma9UsesTheConvertedCarry()
    {
        // Intervals [0, 30) 30/30 covered, [30, 60) 30/30 unchanged or 25/30 converted, [60, 730) 30/670 with 40 days in
        // the OW [0, 100].
        Assert.Equal((30 + 30 + (40 * 30.0 / 670)) / 100, Dosed(CmaType.CMA9, DoseDoubles, new CmaWindow(0, 100), false)!.Value, precision: 12);
        Assert.Equal((30 + 25 + (40 * 30.0 / 670)) / 100, Dosed(CmaType.CMA9, DoseDoubles, new CmaWindow(0, 100), true)!.Value, precision: 12);
    }

    // Dose halves before the OW. OW = new CmaWindow(50, 100) = days [50, 150]. Day 0: 60 days at 2/day; day 40: 30 days
    // at 1/day; day 100: 30 days at 1/day (the only OW event).
    //   Unchanged: 0: 60 vs 40 → carry 20; 40: 50 → covered to 90; gap 90..100 = 10; 100: 30 → to 130, gap 130..150 = 20.
    //     CMA6 = 1 − 20/50 = 30/50;  CMA7 = 1 − 30/100 = 70/100;  CMA8: lag to day 90, [90, 150] = 60 days: 1 − 30/60 = 30/60.
    //   Converted: 20 × 2 ÷ 1 = 40 days; 40: 70 → covered to 110, carry 10 into day 100 (same dose); 100: 40 → to 140,
    //     gap 140..150 = 10.  CMA6 = 30/50 (carry-over among OW events only: nothing to convert);  CMA7 = 1 − 10/100 = 90/100;
    //     CMA8: lag to day 110, [110, 150] = 40 days: 1 − 10/40 = 30/40.
    private static readonly MedicationEvent[] DoseHalves =
        [E("2030-01-01", "medA", 60, 2), E("2030-02-10", "medA", 30, 1), E("2030-04-11", "medA", 30, 1)];

    [Theory]
    [InlineData(CmaType.CMA6, false, 30, 50)]
    [InlineData(CmaType.CMA6, true, 30, 50)]
    [InlineData(CmaType.CMA7, false, 70, 100)]
    [InlineData(CmaType.CMA7, true, 90, 100)]
    [InlineData(CmaType.CMA8, false, 30, 60)]
    [InlineData(CmaType.CMA8, true, 30, 40)]
    public void Compute_ConsiderDosageChange_DoseHalvesBeforeTheOw_DoublesTheCarriedDays(CmaType type, bool consider, int numerator, int denominator) =>
        Assert.Equal((double)numerator / denominator, Dosed(type, DoseHalves, new CmaWindow(50, 100), consider)!.Value, precision: 12);

    [Fact]
    public void Compute_ConsiderDosageChange_DoseHalvesBeforeTheOw_Cma9()
    {
        // OW [50, 150]: [40, 100) has 50 OW days, covered 50/60 unchanged or 60/60 (70 available) converted; [100, 730) has
        // 50 OW days, 30/630 unchanged or 40/630 (10 carried) converted.
        Assert.Equal(((50 * 50.0 / 60) + (50 * 30.0 / 630)) / 100, Dosed(CmaType.CMA9, DoseHalves, new CmaWindow(50, 100), false)!.Value, precision: 12);
        Assert.Equal((50 + (50 * 40.0 / 630)) / 100, Dosed(CmaType.CMA9, DoseHalves, new CmaWindow(50, 100), true)!.Value, precision: 12);
    }

    // Patient 76 (doses 20, 20, then 2 for medA; 6 for medB), vignette windows, carry-over across categories.
    //   0: 30 vs 36 → none; 36: 30 vs 5 → 25 days at 20/day = 250 days at 2/day; 41: 310 vs 93 → 217; 134: 277 vs 105 →
    //   172; 239: 232 vs 56 → 176; 295: 236 vs 57 → 179; 352: 239 vs 22 → 217 days at 2/day = 217/3 at 6/day (medB);
    //   374: 30 + 217/3 vs 15 → 262/3; 389: 30 + 262/3 = 352/3 days, covered to 506⅓: gap 506⅓..547 = 122/3.
    //   CMA5 (OW events only): 352 → 374 carries 45 × 2 ÷ 6 = 15, still no gap before 389: 150/150.
    //   CMA6: 374: 45 vs 15 → 30; 389: 60 vs 158 → gap 98: 1 − 98/308 = 210/308 (unconverted: 240/308).
    //   CMA7: the only OW gap is 122/3: 1 − (122/3)/365 = 973/1095 (unconverted: 252/365).
    //   CMA8: the supply from before the OW (217 days carried into 134) ends on 134 + 60 + 217 = 411: [411, 547] =
    //        136 days: 1 − (122/3)/136 = 286/408 (unconverted: 240/353).
    [Theory]
    [InlineData(CmaType.CMA5, 150, 150)]
    [InlineData(CmaType.CMA6, 210, 308)]
    [InlineData(CmaType.CMA7, 973, 1095)]
    [InlineData(CmaType.CMA8, 286, 408)]
    public void Compute_ConsiderDosageChange_Patient76_ConvertsEveryCarryAtADoseChange(CmaType type, int numerator, int denominator) =>
        Assert.Equal((double)numerator / denominator,
            ContinuousMultipleIntervalMeasures.Compute(type, Patient76, VignetteFollowUp, VignetteObservation, considerDosageChange: true)!.Value,
            precision: 12);

    [Fact]
    public void Compute_ConsiderDosageChange_Patient76Cma9()
    {
        // [134, 239) to [374, 389) are now all fully covered (57 + 56 + 57 + 22 + 15 = 207 OW days); [389, 578) has
        // 352/3 of 189 days, 158 OW days.
        double expected = (207 + (158 * (352.0 / 3) / 189)) / 365;
        Assert.Equal(expected,
            ContinuousMultipleIntervalMeasures.Compute(CmaType.CMA9, Patient76, VignetteFollowUp, VignetteObservation, considerDosageChange: true)!.Value,
            precision: 12);
    }

    [Fact]
    public void Compute_ConsiderDosageChange_ChangesNothing_WithOneDoseOrAnUnknownDose()
    {
        foreach (var type in Enum.GetValues<CmaType>())
        {
            // Patient 37 takes 4/day throughout.
            Assert.Equal(Vignette(type, 37), ContinuousMultipleIntervalMeasures.Compute(type, Patient37, VignetteFollowUp, VignetteObservation, considerDosageChange: true));
            // An unknown dose on either side of a carry leaves the carried days as they are.
            MedicationEvent[] unknownNew = [DoseDoubles[0], DoseDoubles[1] with { PerDay = null }, DoseDoubles[2]];
            MedicationEvent[] unknownOld = [DoseDoubles[0] with { PerDay = null }, DoseDoubles[1], DoseDoubles[2]];
            Assert.Equal(Dosed(type, DoseDoubles, new CmaWindow(0, 100), false), Dosed(type, unknownNew, new CmaWindow(0, 100), true));
            Assert.Equal(Dosed(type, DoseDoubles, new CmaWindow(0, 100), false), Dosed(type, unknownOld, new CmaWindow(0, 100), true));
        }
    }

    [Theory]
    [InlineData(CmaType.CMA1)]
    [InlineData(CmaType.CMA2)]
    [InlineData(CmaType.CMA3)]
    [InlineData(CmaType.CMA4)]
    public void Compute_ConsiderDosageChange_LeavesTheSupplyRatiosAlone(CmaType type) =>
        // CMA1-CMA4 sum the recorded durations; there is no carry-over to convert.
        Assert.Equal(Vignette(type, 76), ContinuousMultipleIntervalMeasures.Compute(type, Patient76, VignetteFollowUp, VignetteObservation, considerDosageChange: true));

    [Fact]
    public void Compute_ReversedInput_GivesTheSameResults()
    {
        var reversed = Patient37.Reverse().ToArray();
        foreach (var type in Enum.GetValues<CmaType>())
            Assert.Equal(Vignette(type, 37), ContinuousMultipleIntervalMeasures.Compute(type, reversed, VignetteFollowUp, VignetteObservation));
    }

    [Fact]
    public void DocsSnippet_Patient76Cma7_RunsAsWritten()
    {
        // --- docs/adherence-cma.md, opening example ---
        MedicationEvent[] events =
        [
            new(new DateOnly(2035, 12, 13), "medA", 30), new(new DateOnly(2036, 1, 18), "medA", 30),
            new(new DateOnly(2036, 1, 23), "medA", 60), new(new DateOnly(2036, 4, 25), "medA", 60),
            new(new DateOnly(2036, 8, 8), "medA", 60), new(new DateOnly(2036, 10, 3), "medA", 60),
            new(new DateOnly(2036, 11, 29), "medA", 60), new(new DateOnly(2036, 12, 21), "medB", 30),
            new(new DateOnly(2037, 1, 5), "medB", 30), new(new DateOnly(2037, 7, 13), "medB", 30),
            new(new DateOnly(2037, 10, 11), "medA", 30),
        ];
        double? cma7 = ContinuousMultipleIntervalMeasures.Compute(
            CmaType.CMA7, events, CmaWindow.DefaultFollowUp, new CmaWindow(StartDays: 182, DurationDays: 365));
        // ---
        Assert.Equal(252.0 / 365, cma7!.Value, precision: 12);
        Assert.Equal(Vignette(CmaType.CMA7, 76), cma7);
    }

    [Fact]
    public void DefaultWindows_AreAdhereRDefaults()
    {
        Assert.Equal(new CmaWindow(0, 730), CmaWindow.DefaultFollowUp);
        Assert.Equal(new CmaWindow(0, 730), CmaWindow.DefaultObservation);
        Assert.Equal(7, (int)CmaType.CMA7);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void Compute_UnknownType_Throws(int type)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Default((CmaType)type, Patient37));
        Assert.Equal("type", e.ParamName);
        Assert.StartsWith("The CMA type must be from CMA1 to CMA9 inclusive.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_InvalidWindows_Throw()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ContinuousMultipleIntervalMeasures.Compute(CmaType.CMA7, Patient37, new CmaWindow(-1, 730), CmaWindow.DefaultObservation));
        Assert.Equal("followUp", e.ParamName);
        Assert.StartsWith("followUp.StartDays must be from 0 to 2147483647 days inclusive.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ContinuousMultipleIntervalMeasures.Compute(CmaType.CMA7, Patient37, CmaWindow.DefaultFollowUp, default));
        Assert.Equal("observation", e.ParamName);
        Assert.StartsWith("observation.DurationDays must be from 1 to 2147483647 days inclusive.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_InvalidEvents_ThrowNamingTheIndexOnly()
    {
        const string Sentinel = "PID-SENTINEL-7f3a";
        MedicationEvent[] badDuration = [E("2030-01-01", Sentinel, 30), E("2030-02-01", Sentinel, 0)];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Default(CmaType.CMA1, badDuration));
        Assert.Equal("events", e.ParamName);
        Assert.StartsWith("events[1].DurationDays must be from 1 to 2147483647 days inclusive.", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Sentinel, e.ToString(), StringComparison.Ordinal);

        foreach (double bad in new[] { 0.0, -2.0, double.NaN, double.PositiveInfinity })
        {
            MedicationEvent[] badDose = [E("2030-01-01", "medA", 30, bad)];
            e = Assert.Throws<ArgumentOutOfRangeException>(() => Default(CmaType.CMA1, badDose));
            Assert.StartsWith("events[0].PerDay must be a finite number above 0 when given.", e.Message, StringComparison.Ordinal);
        }

        MedicationEvent[] noCategory = [new(new DateOnly(2030, 1, 1), null!, 30)];
        var a = Assert.Throws<ArgumentException>(() => Default(CmaType.CMA1, noCategory));
        Assert.Equal("events", a.ParamName);
        Assert.StartsWith("events[0].Category must not be null.", a.Message, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Properties. Histories of 1–25 events over about two and a half years, durations 1–150 days (med.events ranges
    // 20–150), three categories, optional doses; windows in realistic ranges.
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>One generated case.</summary>
    public sealed record Scenario(MedicationEvent[] Events, CmaWindow FollowUp, CmaWindow Observation, bool CarryOnlyForSameCategory,
                                  bool ConsiderDosageChange)
    {
        public double? Run(CmaType type) => Run(type, Events);

        public double? Run(CmaType type, MedicationEvent[] events) =>
            ContinuousMultipleIntervalMeasures.Compute(type, events, FollowUp, Observation, CarryOnlyForSameCategory, ConsiderDosageChange);
    }

    private static readonly DateOnly Origin = new(2030, 1, 1);

    private static Gen<MedicationEvent> Events() =>
        from offset in Gen.Choose(0, 900)
        from category in Gen.Elements("medA", "medB", "medC")
        from days in Gen.Choose(1, 150)
        from dose in Gen.Choose(0, 20)
        select new MedicationEvent(Origin.AddDays(offset), category, days, dose == 0 ? null : dose);

    private static Arbitrary<Scenario> Scenarios() =>
        (from count in Gen.Choose(1, 25)
         from events in Events().ArrayOf(count)
         from fuwStart in Gen.Choose(0, 60)
         from fuwDays in Gen.Choose(30, 900)
         from owStart in Gen.Choose(0, 400)
         from owDays in Gen.Choose(1, 500)
         from restrict in Gen.Elements(false, true)
         from dosed in Gen.Elements(false, true)
         select new Scenario(events, new CmaWindow(fuwStart, fuwDays), new CmaWindow(owStart, owDays), restrict, dosed)).ToArbitrary();

    private static readonly CmaType[] AllTypes = Enum.GetValues<CmaType>();

    [Property(MaxTest = 1_000)]
    public Property Cma3AndCma4_NeverExceedOne() =>
        Prop.ForAll(Scenarios(), s => s.Run(CmaType.CMA3) is not > 1.0 && s.Run(CmaType.CMA4) is not > 1.0);

    [Property(MaxTest = 1_000)]
    public Property BoundedMeasures_AreWithinZeroAndOne_AndCma1Cma2AreNonNegative() =>
        Prop.ForAll(Scenarios(), s =>
            AllTypes.All(t => s.Run(t) is not { } v || (double.IsFinite(v) && v >= 0 && (t is CmaType.CMA1 or CmaType.CMA2 || v <= 1.0))));

    [Property(MaxTest = 1_000)]
    public Property Compute_DoesNotDependOnTheOrderOfEvents() =>
        Prop.ForAll(Scenarios(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (s, seed) =>
        {
            var shuffled = (MedicationEvent[])s.Events.Clone();
            new Random(seed).Shuffle(shuffled);
            return AllTypes.All(t => s.Run(t) == s.Run(t, shuffled));
        });

    [Property(MaxTest = 1_000)]
    public Property CappedMeasures_AreTheCapsOfCma1AndCma2_AndNotComputableTogether() =>
        Prop.ForAll(Scenarios(), s =>
        {
            double? c1 = s.Run(CmaType.CMA1), c2 = s.Run(CmaType.CMA2), c3 = s.Run(CmaType.CMA3), c4 = s.Run(CmaType.CMA4);
            double? c5 = s.Run(CmaType.CMA5), c6 = s.Run(CmaType.CMA6);
            return c3 == (c1 is { } a ? Math.Min(1, a) : null)
                && c4 == (c2 is { } b ? Math.Min(1, b) : null)
                && c1.HasValue == c5.HasValue
                && c2.HasValue == c6.HasValue;
        });

    [Property(MaxTest = 1_000)]
    public Property GapMeasures_NeverExceedTheCappedSupplyRatios_WithoutDoseConversion() =>
        // Days covered cannot exceed days supplied: CMA5 ≤ CMA3 and CMA6 ≤ CMA4 (DOMAIN.md §0 tolerance 1e−9). With
        // considerDosageChange a lower new dose stretches carried days, so this holds only without it.
        Prop.ForAll(Scenarios(), s =>
        {
            s = s with { ConsiderDosageChange = false };
            return (s.Run(CmaType.CMA5) is not { } c5 || c5 <= s.Run(CmaType.CMA3)!.Value + 1e-9)
                && (s.Run(CmaType.CMA6) is not { } c6 || c6 <= s.Run(CmaType.CMA4)!.Value + 1e-9);
        });

    [Property(MaxTest = 500)]
    public Property CarryOnlyForSameCategory_WithOneCategory_ChangesNothing() =>
        Prop.ForAll(Scenarios(), s =>
        {
            var single = s.Events.Select(e => e with { Category = "medA" }).ToArray();
            return AllTypes.All(t => ContinuousMultipleIntervalMeasures.Compute(t, single, s.FollowUp, s.Observation, carryOnlyForSameCategory: true)
                                  == ContinuousMultipleIntervalMeasures.Compute(t, single, s.FollowUp, s.Observation));
        });

    [Property(MaxTest = 500)]
    public Property ConsiderDosageChange_WithOneDose_ChangesNothing() =>
        Prop.ForAll(Scenarios(), s =>
        {
            var oneDose = s.Events.Select(e => e with { PerDay = 4 }).ToArray();
            return AllTypes.All(t => (s with { ConsiderDosageChange = true }).Run(t, oneDose) == (s with { ConsiderDosageChange = false }).Run(t, oneDose));
        });

    [Property(MaxTest = 500)]
    public Property ConsiderDosageChange_NeverChangesCma1ToCma4() =>
        Prop.ForAll(Scenarios(), s =>
            new[] { CmaType.CMA1, CmaType.CMA2, CmaType.CMA3, CmaType.CMA4 }
                .All(t => (s with { ConsiderDosageChange = true }).Run(t) == (s with { ConsiderDosageChange = false }).Run(t)));
}
