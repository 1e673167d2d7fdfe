namespace PatientCentric.Customers;

/// <summary>How TOPSIS normalises each criterion column before weighting (docs/topsis.md). Different choices give
/// different answers, so every result states the one used.</summary>
public enum TopsisNormalization
{
    /// <summary>Vector normalisation <c>r = x / √(Σ x²)</c> (Hwang &amp; Yoon 1981); a column of zeros gives r = 0. The default.</summary>
    Vector,

    /// <summary>Min–max (pymcdm's default): benefit <c>(x − min)/(max − min)</c>, cost <c>(max − x)/(max − min)</c>, after which
    /// every column is a benefit; a constant column gives r = 1 (library convention, as docs/primary-customer.md).</summary>
    MinMax,

    /// <summary>No normalisation: the raw values are weighted as given.</summary>
    None,
}
