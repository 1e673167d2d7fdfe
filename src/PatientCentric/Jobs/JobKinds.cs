namespace PatientCentric.Jobs;

/// <summary>Stable kebab-case keys of the job kinds, used in measure keys such as <c>job-timeliness:complete-lab</c>.</summary>
public static class JobKinds
{
    /// <summary>Returns the kebab-case key of <paramref name="kind"/>, such as <c>"complete-lab"</c>.</summary>
    /// <param name="kind">A job kind.</param>
    /// <returns>The key.</returns>
    public static string Key(PatientJobKind kind) => kind switch
    {
        PatientJobKind.FillPrescription => "fill-prescription",
        PatientJobKind.TakeMedication => "take-medication",
        PatientJobKind.CompleteReferral => "complete-referral",
        PatientJobKind.CompleteLab => "complete-lab",
        PatientJobKind.AttendFollowUp => "attend-follow-up",
        PatientJobKind.CompletePreVisitForm => "complete-pre-visit-form",
        _ => "host-defined",
    };
}
