namespace PatientCentric.Benchmarks;

/// <summary>A clock stopped at one instant (by default 2026-01-15T12:00Z, the as-of of the documented runs), so that a
/// benchmark's evaluations are the same on every run.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public FixedTime()
        : this(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
