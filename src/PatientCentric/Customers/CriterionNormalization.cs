namespace PatientCentric.Customers;

/// <summary>How an assessment is normalised to 0..1 for weighted-sum and AHP scoring (docs/primary-customer.md).</summary>
public enum CriterionNormalization
{
    /// <summary>The host-declared bounds <see cref="Criterion.ScaleLow"/> and <see cref="Criterion.ScaleHigh"/>, clipped to
    /// [0, 1]. Stable when stakeholders are added or removed. The default.</summary>
    ScaleBounds,

    /// <summary>The observed minimum and maximum across the stakeholders ranked; when they are equal every value normalises to 1.</summary>
    MinMaxAcrossAlternatives,
}
