using System.Collections.Immutable;

namespace PatientCentric.Control;

/// <summary>How an XmR chart is computed and read (docs/spc.md). Immutable; the defaults follow NHSRplotthedots 0.2.2.</summary>
public sealed record XmrOptions
{
    /// <summary>Gets the default options: increase is better, no target, screening on, all points in the baseline, no rebase.</summary>
    public static XmrOptions Default { get; } = new();

    /// <summary>Gets which way the measure improves.</summary>
    /// <value>The default is <see cref="ImprovementDirection.Increase"/>.</value>
    public ImprovementDirection ImprovementDirection { get; init; } = ImprovementDirection.Increase;

    /// <summary>Gets the target for the assurance icon, in the unit of the values; <see langword="null"/> for no assurance icon.</summary>
    /// <value>A finite number, or <see langword="null"/> (the default).</value>
    public double? Target { get; init; }

    /// <summary>Gets whether moving ranges of at least <c>3.267·m̄R</c> are left out of m̄R (off = "Making Data Count" Excel behaviour).</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool ScreenOutliers { get; init; } = true;

    /// <summary>Gets how many leading points of each segment form its baseline; <see langword="null"/> for all of them.
    /// A number larger than the segment uses the whole segment.</summary>
    /// <value>At least 2, or <see langword="null"/> (the default).</value>
    public int? FixAfterNPoints { get; init; }

    /// <summary>Gets the indices of the points that start a new segment (rebase), strictly increasing, each from 2 to n − 2 so
    /// that every segment has at least 2 points.</summary>
    /// <value>The default is empty: one segment.</value>
    public ImmutableArray<int> RebaseAt { get; init; } = [];
}
