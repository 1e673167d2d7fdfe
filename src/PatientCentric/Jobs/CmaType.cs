namespace PatientCentric.Jobs;

/// <summary>The nine simple continuous multiple-interval measures of medication availability (CMA) defined by
/// Dima &amp; Dediu (2017) in the R package AdhereR, after Vollmer et al. (2012) (docs/adherence-cma.md).</summary>
/// <remarks>The numeric value of each member is its number (<c>(int)CmaType.CMA7 == 7</c>). Formulas:
/// <see cref="ContinuousMultipleIntervalMeasures.Compute"/> and docs/adherence-cma.md.</remarks>
public enum CmaType
{
    /// <summary>Summed durations of the observation-window events except the last, over the days from the first to the
    /// last of them; may exceed 1.</summary>
    CMA1 = 1,

    /// <summary>Summed durations of all observation-window events, over the days from the first of them to the end of
    /// the observation window; may exceed 1.</summary>
    CMA2 = 2,

    /// <summary><see cref="CMA1"/> capped at 1.</summary>
    CMA3 = 3,

    /// <summary><see cref="CMA2"/> capped at 1.</summary>
    CMA4 = 4,

    /// <summary>1 − gap days between the first and last observation-window events (carry-over within the window) over
    /// the days from the first to the last of them.</summary>
    CMA5 = 5,

    /// <summary>1 − gap days from the first observation-window event to the window end (carry-over within the window)
    /// over those days.</summary>
    CMA6 = 6,

    /// <summary>1 − gap days in the whole observation window (carry-over into and within the window) over the window
    /// length.</summary>
    CMA7 = 7,

    /// <summary><see cref="CMA7"/> with the window start lagged to the end of the supply carried in from before the
    /// window.</summary>
    CMA8 = 8,

    /// <summary>Time-weighted mean, over the observation window, of each event interval's covered share, with
    /// intervals and carry-over computed over the whole follow-up window.</summary>
    CMA9 = 9,
}
