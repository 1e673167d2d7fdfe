using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Cli.Report;

/// <summary>The report's measure families, each with the records it reads. A family whose scorers gave the practice no
/// card at all (the data has none of its records, as in a FHIR export of only Patient, Practitioner and Immunization) is
/// added as one <see cref="ScoreStatus.NotApplicable"/> practice card keyed by the family, with the reason, so the
/// console, the HTML page and results.json say what could not be scored instead of leaving the section out.</summary>
internal static class MeasureFamilies
{
    private sealed record Family(string Key, string Label, Func<string, bool> Owns, Func<PracticeDataSet, bool> HasRecords, string Records);

    private static readonly Family[] All =
    [
        new("appointments", "Appointments and visits", k => k is "lead-time" or "no-show-rate" or "same-day-cancellation-rate" or "missed-appointment-rate"
                or "telehealth-share" or "wait-to-be-seen" or "cycle-time" or "on-time-start-rate",
            d => !d.Appointments.IsEmpty, "appointments or visits"),
        new("tnaa", "Third next available appointment", k => k == "tnaa", d => !d.AvailabilitySnapshots.IsEmpty, "appointment-availability snapshots"),
        new("portal-response", "Portal message response time", k => k == "portal-response", d => !d.PortalThreads.IsEmpty, "portal messages"),
        new("calls", "Phone calls", k => k is "call-abandonment-rate" or "average-speed-of-answer" or "call-service-level", d => !d.Calls.IsEmpty, "phone-call records"),
        new("claims", "Claims", k => k is "clean-claim-rate" or "initial-denial-rate", d => !d.Claims.IsEmpty, "claims"),
        new("billing", "Billing statements, price estimates and complaints",
            k => k is "price-estimate-accuracy" or "statement-to-payment-days" or "billing-complaints-per-1000-statements",
            d => !d.PriceEstimates.IsEmpty || !d.Statements.IsEmpty || !d.BillingComplaints.IsEmpty, "billing statements, price estimates or billing complaints"),
        new("post-visit-contact-rate", "Post-visit contact rate", k => k == "post-visit-contact-rate", d => !d.OutreachContacts.IsEmpty, "post-visit contacts"),
        new("surveys", "Patient surveys (NPS, CAHPS, ratings)", k => k.StartsWith("nps:", StringComparison.Ordinal) || k.StartsWith("cahps:", StringComparison.Ordinal) || k == "rating",
            d => !d.SurveyReturns.IsEmpty, "survey returns"),
        new("pdc", "Medication adherence", k => k.StartsWith("pdc:", StringComparison.Ordinal), d => !d.MedicationFills.IsEmpty, "medication fills"),
        new("referral-closure", "Referrals closed", k => k == "referral-closure", d => !d.Referrals.IsEmpty, "referrals"),
        new("job-timeliness", "Labs, follow-ups and forms done on time", k => k.StartsWith("job-timeliness:", StringComparison.Ordinal),
            d => !d.Jobs.IsEmpty, "patient jobs (labs, follow-up visits, pre-visit forms)"),
        new("commitment", "The six commitments", k => k.StartsWith("commitment:", StringComparison.Ordinal), _ => false,
            "measures or reviews that the six commitments are built from"),
    ];

    /// <summary>The label of a family key, or <see langword="null"/> when <paramref name="key"/> names no family.</summary>
    public static string? Label(string key) => All.FirstOrDefault(f => f.Key == key)?.Label;

    /// <summary>Adds one not-applicable practice card, with the reason, for every family the practice has no card of.</summary>
    public static PracticeEvaluation WithNotApplicableFamilies(PracticeEvaluation e, PracticeDataSet data, DataCensus? census = null)
    {
        var withRecords = census?.FamiliesWithRecords ?? FamiliesWithRecords(data);
        var practiceKeys = e.Cards.Where(c => c.Scope == ScoreScope.Practice).Select(c => c.MeasureKey).ToList();
        var missing = All.Where(f => !practiceKeys.Any(f.Owns))
            .Select(f => ScoreCard.WithoutValue(f.Key, ScoreScope.Practice, ScoreScale.Proportion, ScoreStatus.NotApplicable, Reason(f, withRecords.Contains(f.Key))))
            .ToList();
        if (missing.Count == 0)
            return e;
        int end = e.Cards.Length;   // after the practice's own cards, which come first
        for (int i = 0; i < e.Cards.Length; i++)
        {
            if (e.Cards[i].Scope != ScoreScope.Practice)
            {
                end = i;
                break;
            }
        }
        return e with { Cards = e.Cards.InsertRange(end, missing) };
    }

    /// <summary>The keys of the families whose records <paramref name="data"/> holds.</summary>
    public static System.Collections.Immutable.ImmutableSortedSet<string> FamiliesWithRecords(PracticeDataSet data) =>
        System.Collections.Immutable.ImmutableSortedSet.CreateRange(StringComparer.Ordinal, All.Where(f => f.HasRecords(data)).Select(f => f.Key));

    private static string Reason(Family f, bool hasRecords) => f.Key == "commitment"
        ? "None of the measures or reviews that the six commitments are built from has a value."
        : hasRecords
            ? $"No {f.Records} in the period that these measures can use."
            : $"No {f.Records} in the data.";
}
