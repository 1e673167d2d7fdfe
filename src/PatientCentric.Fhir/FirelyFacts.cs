using System.Collections.Immutable;
using System.Globalization;
using Hl7.Fhir.Model;
using FhirAppointment = Hl7.Fhir.Model.Appointment;
using FhirClaim = Hl7.Fhir.Model.Claim;
using Task = Hl7.Fhir.Model.Task;

namespace PatientCentric.Fhir;

/// <summary>The Firely path: a deserialized POCO → the <see cref="ResourceFacts"/> the mapping reads. The reference for
/// <see cref="Utf8FactsParser"/>, which must give the same facts (a test reads all shared data both ways).</summary>
internal static class FirelyFacts
{
    public static ResourceFacts? From(Resource resource)
    {
        ResourceFacts? facts = resource switch
        {
            Patient => new PatientFacts(),
            Encounter e => new EncounterFacts(Literal(e.StatusElement), e.Subject?.Reference, e.Class?.Code, e.Period?.Start, e.Period?.End,
                Refs(e.Appointment), [.. e.StatusHistory.Select(h => new StatusPeriodFacts(Literal(h.StatusElement), h.Period?.Start))]),
            FhirAppointment a => new AppointmentFacts(Literal(a.StatusElement), a.StartElement?.Value?.ToString("o", CultureInfo.InvariantCulture),
                a.Created, [.. a.Participant.Select(p => p.Actor?.Reference)], [.. a.CancelationReason?.Coding.Select(c => c.Code) ?? []]),
            MedicationDispense d => new DispenseFacts(Literal(d.StatusElement), d.Subject?.Reference, d.WhenHandedOver, d.DaysSupply?.Value,
                Medication(d.Medication), Contained(d.Contained), Refs(d.AuthorizingPrescription)),
            MedicationRequest r => new RequestFacts(r.Subject?.Reference, r.AuthoredOn, r.DispenseRequest is not null,
                r.DispenseRequest?.ValidityPeriod?.Start, Duration(r.DispenseRequest?.ExpectedSupplyDuration), Medication(r.Medication),
                Contained(r.Contained)),
            ServiceRequest s => new ServiceRequestFacts(s.Subject?.Reference, s.AuthoredOn, [.. s.Category.Select(c => Concept(c)!)],
                Concept(s.Code), Concept(s.PerformerType)),
            Task t => new TaskFacts(Literal(t.StatusElement), t.ExecutionPeriod?.End, Refs(t.BasedOn)),
            FhirClaim c => new ClaimFacts(c.Patient?.Reference, c.Created, c.Total?.Value),
            ClaimResponse r => new ResponseFacts("ClaimResponse", r.Request?.Reference, r.Created,
                Literal(r.OutcomeElement) == "error" || r.Error.Count > 0),
            ExplanationOfBenefit b => new ResponseFacts("ExplanationOfBenefit", b.Claim?.Reference, b.Created, Literal(b.OutcomeElement) == "error"),
            QuestionnaireResponse q => new SurveyFacts(Literal(q.StatusElement), q.Subject?.Reference, q.Source?.Reference, q.Authored,
                [.. Flatten(q.Item).Select(i => new AnswerFacts(i.LinkId, i.Answer.FirstOrDefault()?.Value is { } v ? AnswerText(v) : null))]),
            Communication m => new CommunicationFacts(m.Sent, m.Sender?.Reference, Refs(m.InResponseTo), m.Subject?.Reference, Refs(m.Recipient)),
            Schedule => new ScheduleFacts(),
            Slot s => new SlotFacts(Literal(s.StatusElement), s.Schedule?.Reference, s.StartElement?.Value?.ToString("o", CultureInfo.InvariantCulture),
                Concept(s.AppointmentType), [.. s.ServiceType.Select(c => Concept(c)!)]),
            _ => null,
        };
        return facts is null ? null : facts with { Id = resource.Id, LastUpdated = resource.Meta?.LastUpdated };
    }

    /// <summary>A code element's literal as written (also when it is not one of the enum's values).</summary>
    private static string? Literal(PrimitiveType? code) => code?.JsonValue as string;

    private static ImmutableArray<string?> Refs(List<ResourceReference> references) => [.. references.Select(r => r?.Reference)];

    private static ConceptFacts? Concept(CodeableConcept? c) =>
        c is null ? null : new ConceptFacts(c.Text, [.. c.Coding.Select(x => new CodingFacts(x?.Code, x?.Display))]);

    private static DurationFacts? Duration(Duration? d) => d is null ? null : new DurationFacts(d.Value, d.Code, d.Unit);

    private static MedicationFacts? Medication(DataType? medication) => medication switch
    {
        CodeableConcept cc => new MedicationFacts(Concept(cc), null, null),
        ResourceReference rr => new MedicationFacts(null, rr.Reference, rr.Display),
        _ => null,
    };

    private static ImmutableArray<ContainedMedication> Contained(List<Resource> contained) =>
        [.. contained.OfType<Medication>().Select(m => new ContainedMedication(m.Id, Concept(m.Code)))];

    private static IEnumerable<QuestionnaireResponse.ItemComponent> Flatten(List<QuestionnaireResponse.ItemComponent> items) =>
        items.SelectMany(i => Flatten(i.Item).Prepend(i));

    private static string? AnswerText(DataType value) => value switch
    {
        Integer i => i.Value?.ToString(CultureInfo.InvariantCulture),
        FhirDecimal d => d.Value?.ToString(CultureInfo.InvariantCulture),
        FhirString s => s.Value,
        FhirBoolean b => b.Value is { } x ? (x ? "true" : "false") : null,
        Coding c => c.Code,
        _ => null,
    };
}
