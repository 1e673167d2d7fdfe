using PatientCentric.Cli.Sample;
using PatientCentric.Records;

namespace PatientCentric.Cli.Tests;

public sealed class SampleTests
{
    [Fact]
    public void CommittedSample_IsExactlyTheGeneratorsOutput()
    {
        using var stream = SampleData.Open();
        using var reader = new StreamReader(stream);
        string committed = reader.ReadToEnd();
        string generated = CliApp.SampleJson(SamplePracticeGenerator.Generate());
        Assert.True(committed == generated,
            "src/PatientCentric.Cli/Sample/sample-practice.json is stale: run 'dotnet run --project src/PatientCentric.Cli -- sample --out src/PatientCentric.Cli/Sample/sample-practice.json'.");
    }

    [Fact]
    public void Generator_IsDeterministicForASeed_AndVariesWithIt()
    {
        string a = CliApp.SampleJson(SamplePracticeGenerator.Generate(7, 200));
        Assert.Equal(a, CliApp.SampleJson(SamplePracticeGenerator.Generate(7, 200)));
        Assert.NotEqual(a, CliApp.SampleJson(SamplePracticeGenerator.Generate(8, 200)));
    }

    [Fact]
    public void Sample_IsASmallRealisticPractice()
    {
        var data = SampleData.Load();
        Assert.Equal(3, data.ServiceLines.Length);
        int patients = data.Appointments.Select(a => a.PatientKey).Concat(data.MedicationFills.Select(f => f.PatientKey)).Distinct().Count();
        Assert.InRange(patients, 1_700, 2_000);
        Assert.InRange(data.Appointments.Length, 4_000, 8_000);
        double noShow = data.Appointments.Count(a => a.Outcome == AppointmentOutcome.NoShow) / (double)data.Appointments.Length;
        Assert.InRange(noShow, 0.03, 0.12);
        Assert.All(data.Appointments, a => Assert.Matches("^P[0-9]{4}$", a.PatientKey));   // opaque keys, no names
        Assert.NotEmpty(data.SurveyReturns);
        Assert.NotEmpty(data.MedicationFills);
        Assert.NotEmpty(data.Referrals);
        Assert.NotEmpty(data.Claims);
    }
}
