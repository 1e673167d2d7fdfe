using System.Text.Json.Serialization;

namespace PatientCentric.Scoring;

/// <summary>The weights of the three encounter metrics a profile optimises: customer service, quality of care and
/// cost effectiveness, normalised to sum to 1 (docs/measures.md#conventions, weights, docs/tradeoffs.md).</summary>
/// <remarks>Immutable. The constructor normalises; the default value has every weight 0 and is not valid for scoring.</remarks>
public readonly record struct MetricWeights
{
    /// <summary>Initializes weights from non-negative raw weights, dividing each by their sum.</summary>
    /// <param name="customerService">The raw weight of customer service; finite and 0 or more.</param>
    /// <param name="qualityOfCare">The raw weight of quality of care; finite and 0 or more.</param>
    /// <param name="costEffectiveness">The raw weight of cost effectiveness; finite and 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative or not finite.</exception>
    /// <exception cref="ArgumentException">Every weight is 0.</exception>
    [JsonConstructor]
    public MetricWeights(double customerService, double qualityOfCare, double costEffectiveness)
    {
        Check(customerService, nameof(customerService));
        Check(qualityOfCare, nameof(qualityOfCare));
        Check(costEffectiveness, nameof(costEffectiveness));
        double sum = customerService + qualityOfCare + costEffectiveness;
        if (sum <= 0)
            throw new ArgumentException("At least one metric weight must be above 0.", nameof(customerService));
        CustomerService = customerService / sum;
        QualityOfCare = qualityOfCare / sum;
        CostEffectiveness = costEffectiveness / sum;
    }

    /// <summary>Gets the normalised weight of customer service (CS), 0 to 1.</summary>
    public double CustomerService { get; }

    /// <summary>Gets the normalised weight of quality of care (QC), 0 to 1.</summary>
    public double QualityOfCare { get; }

    /// <summary>Gets the normalised weight of cost effectiveness (CE), 0 to 1.</summary>
    public double CostEffectiveness { get; }

    private static void Check(double weight, string name)
    {
        if (!double.IsFinite(weight) || weight < 0)
            throw new ArgumentOutOfRangeException(name, weight, "A metric weight must be a finite number of 0 or more.");
    }

    /// <inheritdoc/>
    public override string ToString() =>
        FormattableString.Invariant($"CS {CustomerService:0.###} · QC {QualityOfCare:0.###} · CE {CostEffectiveness:0.###}");
}
