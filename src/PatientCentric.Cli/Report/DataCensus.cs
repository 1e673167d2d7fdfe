using System.Collections.Immutable;
using PatientCentric.Records;

namespace PatientCentric.Cli.Report;

/// <summary>What the reports say about the data read, counted, so that an export read in partitions (never whole in
/// memory) is described as one read of it: counts add, measure families with records are united.</summary>
internal sealed record DataCensus(int Appointments, int VisitsOnly, int SurveyReturns, int MedicationFills, int Referrals, int Claims,
                                  int Jobs, int ClinicianRatings, int Barriers, int Reviews, ImmutableSortedSet<string> FamiliesWithRecords)
{
    public static DataCensus Of(PracticeDataSet d) => new(d.Appointments.Length, d.Appointments.Count(a => a.VisitOnly), d.SurveyReturns.Length,
        d.MedicationFills.Length, d.Referrals.Length, d.Claims.Length, d.Jobs.Length, d.ClinicianRatings.Length, d.Barriers.Length, d.Reviews.Length,
        MeasureFamilies.FamiliesWithRecords(d));

    public static DataCensus operator +(DataCensus a, DataCensus b) => new(a.Appointments + b.Appointments, a.VisitsOnly + b.VisitsOnly,
        a.SurveyReturns + b.SurveyReturns, a.MedicationFills + b.MedicationFills, a.Referrals + b.Referrals, a.Claims + b.Claims, a.Jobs + b.Jobs,
        a.ClinicianRatings + b.ClinicianRatings, a.Barriers + b.Barriers, a.Reviews + b.Reviews, a.FamiliesWithRecords.Union(b.FamiliesWithRecords));
}
