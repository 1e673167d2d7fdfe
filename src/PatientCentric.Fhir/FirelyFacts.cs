using System.Collections.Immutable;
using System.Globalization;
using Hl7.Fhir.Model;
using FhirAppointment = Hl7.Fhir.Model.Appointment;
using FhirClaim = Hl7.Fhir.Model.Claim;
using Task = Hl7.Fhir.Model.Task;

namespace PatientCentric.Fhir;

/// <summary>The Firely path: a deserialized POCO → the <see cref="ResourceFacts"/> the mapping reads. The reference for
/// <see cref="Utf8FactsParser"/>, which must give the same facts (a test reads all shared data both ways).</summary>
/// <remarks>Every primitive is read through its element's <c>JsonValue</c>, the value as the JSON gave it: in recoverable
/// mode Firely keeps a literal it cannot parse (an impossible date, a number given as a string, 1e400) there, and the typed
/// <c>Value</c> getter would throw <c>CodedValidationException</c>. A value of the wrong JSON type is then absent, as on
/// the fast path, and date literals are checked by the mapping (<see cref="FhirDates"/>), as on the fast path.</remarks>
internal static class FirelyFacts
{
    public static ResourceFacts? From(Resource resource)
    {
        ResourceFacts? facts = resource switch
        {
            Patient => new PatientFacts(),
            Encounter e => new EncounterFacts(S(e.StatusElement), Ref(e.Subject), S(e.Class?.CodeElement), S(e.Period?.StartElement), S(e.Period?.EndElement),
                Refs(e.Appointment), [.. e.StatusHistory.Select(h => new StatusPeriodFacts(S(h?.StatusElement), S(h?.Period?.StartElement)))]),
            FhirAppointment a => new AppointmentFacts(S(a.StatusElement), S(a.StartElement), S(a.CreatedElement),
                [.. a.Participant.Select(p => Ref(p?.Actor))], [.. a.CancelationReason?.Coding.Select(c => S(c?.CodeElement)) ?? []]),
            MedicationDispense d => new DispenseFacts(S(d.StatusElement), Ref(d.Subject), S(d.WhenHandedOverElement), Number(d.DaysSupply?.ValueElement),
                Medication(d.Medication), Contained(d.Contained), Refs(d.AuthorizingPrescription)),
            MedicationRequest r => new RequestFacts(Ref(r.Subject), S(r.AuthoredOnElement), r.DispenseRequest is not null,
                S(r.DispenseRequest?.ValidityPeriod?.StartElement), Duration(r.DispenseRequest?.ExpectedSupplyDuration), Medication(r.Medication),
                Contained(r.Contained)),
            ServiceRequest s => new ServiceRequestFacts(Ref(s.Subject), S(s.AuthoredOnElement), [.. s.Category.Select(c => Concept(c)!)],
                Concept(s.Code), Concept(s.PerformerType)),
            Task t => new TaskFacts(S(t.StatusElement), S(t.ExecutionPeriod?.EndElement), Refs(t.BasedOn)) { Patient = Ref(t.For) },
            FhirClaim c => new ClaimFacts(Ref(c.Patient), S(c.CreatedElement), Number(c.Total?.ValueElement)),
            ClaimResponse r => new ResponseFacts("ClaimResponse", Ref(r.Request), S(r.CreatedElement),
                S(r.OutcomeElement) == "error" || r.Error.Count > 0) { Patient = Ref(r.Patient) },
            ExplanationOfBenefit b => new ResponseFacts("ExplanationOfBenefit", Ref(b.Claim), S(b.CreatedElement), S(b.OutcomeElement) == "error") { Patient = Ref(b.Patient) },
            QuestionnaireResponse q => new SurveyFacts(S(q.StatusElement), Ref(q.Subject), Ref(q.Source), S(q.AuthoredElement),
                [.. Flatten(q.Item).Select(i => new AnswerFacts(S(i.LinkIdElement), i.Answer.FirstOrDefault()?.Value is { } v ? AnswerText(v) : null))]),
            Communication m => new CommunicationFacts(S(m.SentElement), Ref(m.Sender), Refs(m.InResponseTo), Ref(m.Subject), Refs(m.Recipient)),
            Schedule => new ScheduleFacts(),
            Slot s => new SlotFacts(S(s.StatusElement), Ref(s.Schedule), S(s.StartElement), Concept(s.AppointmentType), [.. s.ServiceType.Select(c => Concept(c)!)]),
            _ => null,
        };
        return facts is null ? null : facts with { Id = S(resource.IdElement), LastUpdated = S(resource.Meta?.LastUpdatedElement) };
    }

    /// <summary>A primitive's literal as written, when the JSON gave a string (also a code that is not one of the enum's
    /// values, or a date that does not exist).</summary>
    private static string? S(PrimitiveType? element) => element?.JsonValue as string;

    /// <summary>A decimal element's value when the JSON gave a number that fits <see cref="decimal"/>.</summary>
    private static decimal? Number(PrimitiveType? element) => element?.JsonValue switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        _ => null,
    };

    private static string? Ref(ResourceReference? reference) => S(reference?.ReferenceElement);

    private static ImmutableArray<string?> Refs(List<ResourceReference> references) => [.. references.Select(Ref)];

    private static ConceptFacts? Concept(CodeableConcept? c) =>
        c is null ? null : new ConceptFacts(S(c.TextElement), [.. c.Coding.Select(x => new CodingFacts(S(x?.CodeElement), S(x?.DisplayElement)))]);

    private static DurationFacts? Duration(Duration? d) => d is null ? null : new DurationFacts(Number(d.ValueElement), S(d.CodeElement), S(d.UnitElement));

    private static MedicationFacts? Medication(DataType? medication) => medication switch
    {
        CodeableConcept cc => new MedicationFacts(Concept(cc), null, null),
        ResourceReference rr => new MedicationFacts(null, Ref(rr), S(rr.DisplayElement)),
        _ => null,
    };

    private static ImmutableArray<ContainedMedication> Contained(List<Resource> contained) =>
        [.. contained.OfType<Medication>().Select(m => new ContainedMedication(S(m.IdElement), Concept(m.Code)))];

    private static IEnumerable<QuestionnaireResponse.ItemComponent> Flatten(List<QuestionnaireResponse.ItemComponent> items) =>
        items.Where(i => i is not null).SelectMany(i => Flatten(i.Item).Prepend(i));

    private static string? AnswerText(DataType value) => value switch
    {
        Integer i => i.JsonValue is int n ? n.ToString(CultureInfo.InvariantCulture) : null,
        FhirDecimal d => Number(d)?.ToString(CultureInfo.InvariantCulture),
        FhirString s => S(s),
        FhirBoolean b => b.JsonValue is bool x ? (x ? "true" : "false") : null,
        Coding c => S(c.CodeElement),
        _ => null,
    };
}
