using System.Collections.Immutable;

namespace PatientCentric.Customers;

/// <summary>The method choices of one primary-customer decision; the decision records them (docs/primary-customer.md, decision record).</summary>
/// <remarks>Immutable. Each strategy reads the options it uses and ignores the others.</remarks>
public sealed record DecisionOptions
{
    /// <summary>Gets the options every default applies to.</summary>
    public static DecisionOptions Default { get; } = new();

    /// <summary>Gets how weighted-sum and AHP scoring normalise assessments.</summary>
    /// <value>The default is <see cref="CriterionNormalization.ScaleBounds"/>.</value>
    public CriterionNormalization Normalization { get; init; } = CriterionNormalization.ScaleBounds;

    /// <summary>Gets how TOPSIS normalises assessments.</summary>
    /// <value>The default is <see cref="TopsisNormalization.Vector"/>.</value>
    public TopsisNormalization TopsisNormalization { get; init; } = TopsisNormalization.Vector;

    /// <summary>Gets the random-index table for the AHP consistency ratio.</summary>
    /// <value>The default is <see cref="RandomIndexTable.Saaty1980"/> (n ≤ 10).</value>
    public RandomIndexTable RandomIndex { get; init; } = RandomIndexTable.Saaty1980;

    /// <summary>Gets the least salience group a stakeholder needs to be ranked when salience is assessed (docs/primary-customer.md: the screen).</summary>
    /// <value>The default is <see cref="SalienceGroup.Expectant"/>; <see cref="SalienceGroup.None"/> turns the screen off.</value>
    public SalienceGroup MinimumSalienceGroup { get; init; } = SalienceGroup.Expectant;
}
