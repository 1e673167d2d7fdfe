using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Touchpoints;

/// <summary>Portal-message first response in business hours (docs/touchpoints/communication.md): per patient-initiated thread, the business
/// time from the patient's message to the first staff reply; the share answered within T business days, where an
/// unanswered thread older than T is a breach.</summary>
public static class PortalResponse
{
    /// <summary>The default target T: 2 business days (a common policy; host-configured).</summary>
    public const double DefaultTargetBusinessDays = 2;

    /// <summary>Measures <paramref name="threads"/> as of <paramref name="asOf"/>.</summary>
    /// <param name="threads">Patient-initiated threads, any order.</param>
    /// <param name="calendar">The practice's business calendar.</param>
    /// <param name="asOf">The evaluation instant.</param>
    /// <param name="targetBusinessDays">T in business days (one business day = <see cref="BusinessCalendar.HoursPerBusinessDay"/> hours), above 0.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetBusinessDays"/> is not above 0.</exception>
    public static PortalResponseResult Measure(IEnumerable<PortalThread> threads, BusinessCalendar calendar, DateTimeOffset asOf,
                                               double targetBusinessDays = DefaultTargetBusinessDays)
    {
        ArgumentNullException.ThrowIfNull(threads);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!(targetBusinessDays > 0) || !double.IsFinite(targetBusinessDays))
            throw new ArgumentOutOfRangeException(nameof(targetBusinessDays), targetBusinessDays, "The target must be a finite number of business days above 0.");
        double targetHours = targetBusinessDays * calendar.HoursPerBusinessDay;
        var hours = new List<double>();
        int open = 0, within = 0, breaches = 0, invalid = 0;
        foreach (var t in threads)
        {
            if (t.FirstStaffReplyAt is { } reply && reply <= asOf)
            {
                if (reply < t.SentAt)
                {
                    invalid++;
                    continue;
                }
                double h = calendar.Between(t.SentAt, reply).TotalHours;
                hours.Add(h);
                if (h <= targetHours) within++; else breaches++;
            }
            else
            {
                open++;
                if (calendar.Between(t.SentAt, asOf).TotalHours > targetHours)
                    breaches++;
            }
        }
        return new PortalResponseResult([.. hours], open, within, breaches, invalid);
    }
}
