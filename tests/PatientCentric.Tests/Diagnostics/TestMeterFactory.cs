using System.Diagnostics.Metrics;

namespace PatientCentric.Tests.Diagnostics;

/// <summary>An <see cref="IMeterFactory"/> whose meters are scoped to it, so a <c>MetricCollector</c> given this factory as
/// scope sees this test's measurements only.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        lock (_meters) _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            foreach (var meter in _meters) meter.Dispose();
            _meters.Clear();
        }
    }
}
