using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Streams duration touchpoint events into exact per-practice, per-service-line and per-clinician medians and
/// percentiles in one pass, with memory fixed by the number of groups (never by the number of events). A mergeable
/// partial aggregate: shards added in any order give exactly the one-pass result.</summary>
/// <remarks>Each group keeps a <see cref="DurationHistogram"/>: lead time 0–730 days, waits and cycle times 0–720 minutes.
/// Invalid values (negative, or above the cap) are excluded and counted per measure (docs/measures.md#conventions). Not thread-safe: one
/// per thread or shard.</remarks>
public sealed class DurationAggregate
{
    private static readonly int[] Caps = [730, 720, 720];
    private const int Measures = 3;
    private readonly DurationHistogram[] _practice = new DurationHistogram[Measures];
    private readonly DurationHistogram[][] _lines = new DurationHistogram[Measures][];
    private readonly DurationHistogram[][] _clinicians = new DurationHistogram[Measures][];
    private readonly long[] _negative = new long[Measures];
    private readonly long[] _overCap = new long[Measures];

    /// <summary>Initializes an empty aggregate.</summary>
    /// <param name="clinicians">The number of clinicians, 0 to 10,000.</param>
    /// <param name="serviceLines">The number of service lines, 0 to 1,000.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public DurationAggregate(int clinicians, int serviceLines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(clinicians);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clinicians, 10_000);
        ArgumentOutOfRangeException.ThrowIfNegative(serviceLines);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serviceLines, 1_000);
        Clinicians = clinicians;
        ServiceLines = serviceLines;
        for (int m = 0; m < Measures; m++)
        {
            _practice[m] = new DurationHistogram(Caps[m]);
            _lines[m] = new DurationHistogram[serviceLines];
            _clinicians[m] = new DurationHistogram[clinicians];
            for (int i = 0; i < serviceLines; i++) _lines[m][i] = new DurationHistogram(Caps[m]);
            for (int i = 0; i < clinicians; i++) _clinicians[m][i] = new DurationHistogram(Caps[m]);
        }
    }

    /// <summary>Gets the number of clinicians.</summary>
    public int Clinicians { get; }

    /// <summary>Gets the number of service lines.</summary>
    public int ServiceLines { get; }

    /// <summary>Adds one event.</summary>
    /// <param name="e">The event.</param>
    /// <exception cref="ArgumentOutOfRangeException">The measure or an index is out of range (the message names the field, never a value from a record).</exception>
    public void Add(in DurationEvent e)
    {
        int m = (int)e.Measure;
        if ((uint)m >= Measures)
            throw new ArgumentOutOfRangeException(nameof(e), "DurationEvent.Measure is not a known measure.");
        if ((uint)e.Clinician >= (uint)Clinicians)
            throw new ArgumentOutOfRangeException(nameof(e), $"DurationEvent.Clinician must be from 0 to {Clinicians - 1}.");
        if ((uint)e.ServiceLine >= (uint)ServiceLines)
            throw new ArgumentOutOfRangeException(nameof(e), $"DurationEvent.ServiceLine must be from 0 to {ServiceLines - 1}.");
        if (e.Value < 0)
        {
            _negative[m]++;
            return;
        }
        if (e.Value > Caps[m])
        {
            _overCap[m]++;
            return;
        }
        _practice[m].Add(e.Value);
        _lines[m][e.ServiceLine].Add(e.Value);
        _clinicians[m][e.Clinician].Add(e.Value);
    }

    /// <summary>Adds another shard (same clinician and service-line counts).</summary>
    /// <param name="other">The other shard.</param>
    /// <exception cref="ArgumentException">The group counts differ.</exception>
    public void Add(DurationAggregate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Clinicians != Clinicians || other.ServiceLines != ServiceLines)
            throw new ArgumentException("Only aggregates with the same clinicians and service lines can be merged.", nameof(other));
        for (int m = 0; m < Measures; m++)
        {
            _practice[m].Add(other._practice[m]);
            for (int i = 0; i < ServiceLines; i++) _lines[m][i].Add(other._lines[m][i]);
            for (int i = 0; i < Clinicians; i++) _clinicians[m][i].Add(other._clinicians[m][i]);
            _negative[m] += other._negative[m];
            _overCap[m] += other._overCap[m];
        }
    }

    /// <summary>Returns the histogram of one measure for the practice, a service line or a clinician.</summary>
    /// <param name="measure">The measure.</param>
    /// <param name="level"><see cref="ScopeLevel.Practice"/>, <see cref="ScopeLevel.ServiceLine"/> or <see cref="ScopeLevel.Clinician"/>.</param>
    /// <param name="index">The service line's or clinician's index; ignored for the practice.</param>
    /// <returns>The histogram (live: it changes as events are added).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level or index is out of range.</exception>
    public DurationHistogram Histogram(DurationMeasure measure, ScopeLevel level, int index = 0)
    {
        int m = (int)measure;
        if ((uint)m >= Measures)
            throw new ArgumentOutOfRangeException(nameof(measure));
        return level switch
        {
            ScopeLevel.Practice => _practice[m],
            ScopeLevel.ServiceLine when (uint)index < (uint)ServiceLines => _lines[m][index],
            ScopeLevel.Clinician when (uint)index < (uint)Clinicians => _clinicians[m][index],
            _ => throw new ArgumentOutOfRangeException(nameof(index), "The level must be Practice, ServiceLine or Clinician, with an index in range."),
        };
    }

    /// <summary>Returns how many events of <paramref name="measure"/> were excluded as negative and as over the cap.</summary>
    /// <param name="measure">The measure.</param>
    /// <returns>The two counts.</returns>
    public (long Negative, long OverCap) Excluded(DurationMeasure measure) => (_negative[(int)measure], _overCap[(int)measure]);
}
