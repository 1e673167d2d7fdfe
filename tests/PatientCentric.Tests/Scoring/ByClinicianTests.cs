using System.Text.Json;
using FsCheck.Xunit;
using PatientCentric.Records;
using PatientCentric.Serialization;

namespace PatientCentric.Tests.Scoring;

/// <summary>The evaluator deals the appointments to the clinicians' scopes in one pass (PracticeDataSet.ByClinician): it
/// must give, for every clinician key an appointment names, in ordinal order of the keys, exactly the data set
/// <see cref="PracticeDataSet.ForClinician"/> gives. Random appointments: keys that differ only in case, absent keys,
/// keys in any order.</summary>
public sealed class ByClinicianTests
{
    private static readonly string?[] Keys = ["c2", "C2", "c10", null, "c1", "Ä", "a"];

    [Property(MaxTest = 100)]
    public bool ByClinician_EqualsForClinicianOfEachKeyInOrdinalOrder(int seed)
    {
        var random = new Random(seed);
        var appointments = Enumerable.Range(0, random.Next(0, 40)).Select(i => TestData.Kept(TestData.Jan(1 + random.Next(28), 9)) with
        {
            ClinicianKey = Keys[random.Next(Keys.Length)],
        });
        var data = TestData.Data(appointments) with { Holidays = [new DateOnly(2025, 1, 20)] };
        var expected = data.Appointments.Select(a => a.ClinicianKey).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(k => (k, Json(data.ForClinician(k))));
        var actual = data.ByClinician().Select(x => (x.Key, Json(x.Data)));
        return expected.SequenceEqual(actual);
    }

    private static string Json(PracticeDataSet data) => JsonSerializer.Serialize(data, PatientCentricJsonContext.Default.Options);
}
