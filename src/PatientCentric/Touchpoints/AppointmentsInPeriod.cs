using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>The appointments an access or waiting-room measure reads: those whose local start date is in the period.</summary>
internal static class AppointmentsInPeriod
{
    /// <summary>Every appointment whose local start date lies in the context's period, with that date.</summary>
    public static IEnumerable<(Appointment Appointment, DateOnly Day)> All(PracticeDataSet data, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var a in data.Appointments)
        {
            DateOnly day = context.LocalDate(a.Start);
            if (context.Period.Contains(day))
                yield return (a, day);
        }
    }

    /// <summary>The visits: kept appointments whose local start date lies in the period.</summary>
    public static IEnumerable<Appointment> Visits(PracticeDataSet data, ScoringContext context) =>
        All(data, context).Where(x => x.Appointment.Outcome == AppointmentOutcome.Kept).Select(x => x.Appointment);
}
