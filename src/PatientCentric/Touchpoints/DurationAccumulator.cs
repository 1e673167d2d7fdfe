using System.Collections.Immutable;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Touchpoints;

/// <summary>The partial result of a per-appointment duration measure (lead time, wait to be seen, cycle time): the valid
/// durations as an exact multiset (so the median and percentiles stay exact across shards and period buckets), the
/// exclusions, and two counts whose meaning each scorer gives (docs/scale.md#the-serialized-partial).</summary>
/// <remarks>One concept in one place: the scorers differ only in how they classify an appointment, which counts they keep
/// beside the durations and what those counts are called in the serialized partial. Not thread-safe.</remarks>
internal abstract class DurationAccumulator
{
    /// <summary>Gets the valid durations.</summary>
    public DurationValues Values { get; private set; } = new();

    /// <summary>Gets the excluded appointments, by reason.</summary>
    public ExclusionCounts Exclusions { get; private set; } = new();

    /// <summary>Gets or sets the scorer's first count.</summary>
    protected int First { get; set; }

    /// <summary>Gets or sets the scorer's second count.</summary>
    protected int Second { get; set; }

    /// <summary>Adds <paramref name="other"/>'s durations, exclusions and counts (another shard's or period bucket's).</summary>
    /// <param name="other">The other accumulator, of the same scorer; read, never kept.</param>
    public void MergeFrom(DurationAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Values.Merge(other.Values);
        Exclusions.Merge(other.Exclusions);
        First = checked(First + other.First);
        Second = checked(Second + other.Second);
    }

    /// <summary>Returns the common part as plain data.</summary>
    protected (ImmutableArray<ImmutableArray<double>> Values, ImmutableArray<ExclusionCountState> Exclusions) CommonState() =>
        (Values.ToState(), Exclusions.ToState());

    /// <summary>Loads the common part and the two counts from plain data, refusing what no accumulator holds (PC0123).</summary>
    /// <param name="values">The durations as <c>[value, count]</c> pairs.</param>
    /// <param name="exclusions">The exclusions.</param>
    /// <param name="first">The first count.</param>
    /// <param name="second">The second count.</param>
    /// <param name="path">The JSON path of the state.</param>
    /// <param name="firstName">The first count's field name.</param>
    /// <param name="secondName">The second count's field name.</param>
    protected void Load(ImmutableArray<ImmutableArray<double>> values, ImmutableArray<ExclusionCountState> exclusions, int first, int second,
                        string path, string firstName, string secondName)
    {
        First = PartialFormat.Count(first, path + "." + firstName);
        Second = PartialFormat.Count(second, path + "." + secondName);
        Values = DurationValues.FromState(values, path + ".values");
        Exclusions = ExclusionCounts.FromState(exclusions, path + ".exclusions");
    }
}
