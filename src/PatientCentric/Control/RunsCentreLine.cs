namespace PatientCentric.Control;

/// <summary>The centre line a runs analysis compares points with (docs/spc.md); a fixed number is the other choice.</summary>
public enum RunsCentreLine
{
    /// <summary>The median of all the values (a run chart).</summary>
    Median,

    /// <summary>The mean of all the values (an I chart).</summary>
    Mean,
}
