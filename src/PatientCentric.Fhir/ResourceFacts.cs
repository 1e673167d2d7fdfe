using System.Collections.Immutable;

namespace PatientCentric.Fhir;

// The fields of each mapped resource type that the mapping reads, as the FHIR JSON gives them (dates as their literal,
// codes as their literal, references unresolved). Both parsers fill these (FirelyFacts from Firely POCOs,
// Utf8FactsParser straight from UTF-8) and ResourceCollector maps them, so the two paths share every mapping decision.

/// <summary>A coding: its code and display.</summary>
internal readonly record struct CodingFacts(string? Code, string? Display);

/// <summary>A CodeableConcept: its text and codings.</summary>
internal sealed record ConceptFacts(string? Text, ImmutableArray<CodingFacts> Codings);

/// <summary>A Duration (or Quantity): value, code, unit.</summary>
internal sealed record DurationFacts(decimal? Value, string? Code, string? Unit);

/// <summary>A <c>medication[x]</c>: a concept, or a reference with its display.</summary>
internal sealed record MedicationFacts(ConceptFacts? Concept, string? Reference, string? Display);

/// <summary>A contained <c>Medication</c>: its id and code.</summary>
internal sealed record ContainedMedication(string? Id, ConceptFacts? Code);

/// <summary>One <c>Encounter.statusHistory</c> entry: the status and when it began.</summary>
internal readonly record struct StatusPeriodFacts(string? Status, string? Start);

/// <summary>One answered questionnaire item: linkId and the text of its first answer (null when not a supported type).</summary>
internal readonly record struct AnswerFacts(string? LinkId, string? Answer);

/// <summary>What every mapped resource carries: type, id and <c>meta.lastUpdated</c> (its literal, checked by the mapping).</summary>
internal abstract record ResourceFacts
{
    public abstract string Type { get; }

    public string? Id { get; init; }

    public string? LastUpdated { get; init; }
}

internal sealed record PatientFacts : ResourceFacts
{
    public override string Type => "Patient";
}

internal sealed record EncounterFacts(string? Status, string? Subject, string? ClassCode, string? Start, string? End,
                                      ImmutableArray<string?> Appointments, ImmutableArray<StatusPeriodFacts> History) : ResourceFacts
{
    public override string Type => "Encounter";
}

internal sealed record AppointmentFacts(string? Status, string? Start, string? Created, ImmutableArray<string?> Actors,
                                        ImmutableArray<string?> CancelationCodes) : ResourceFacts
{
    public override string Type => "Appointment";
}

internal sealed record DispenseFacts(string? Status, string? Subject, string? WhenHandedOver, decimal? DaysSupply,
                                     MedicationFacts? Medication, ImmutableArray<ContainedMedication> Contained,
                                     ImmutableArray<string?> Prescriptions) : ResourceFacts
{
    public override string Type => "MedicationDispense";
}

internal sealed record RequestFacts(string? Subject, string? AuthoredOn, bool HasDispenseRequest, string? ValidityStart,
                                    DurationFacts? ExpectedSupply, MedicationFacts? Medication,
                                    ImmutableArray<ContainedMedication> Contained) : ResourceFacts
{
    public override string Type => "MedicationRequest";
}

internal sealed record ServiceRequestFacts(string? Subject, string? AuthoredOn, ImmutableArray<ConceptFacts> Categories,
                                           ConceptFacts? Code, ConceptFacts? PerformerType) : ResourceFacts
{
    public override string Type => "ServiceRequest";
}

internal sealed record TaskFacts(string? Status, string? ExecutionEnd, ImmutableArray<string?> BasedOn) : ResourceFacts
{
    public override string Type => "Task";

    /// <summary>Gets <c>Task.for</c>: whom the task is for (the patient), which decides its partition.</summary>
    public string? Patient { get; init; }
}

internal sealed record ClaimFacts(string? Patient, string? Created, decimal? Total) : ResourceFacts
{
    public override string Type => "Claim";
}

/// <summary>A <c>ClaimResponse</c> (<see cref="Claim"/> from <c>request</c>) or an <c>ExplanationOfBenefit</c> (from
/// <c>claim</c>); <see cref="Error"/>: outcome <c>error</c>, or (ClaimResponse) any <c>error</c> entry.</summary>
internal sealed record ResponseFacts(string ResourceType, string? Claim, string? Created, bool Error) : ResourceFacts
{
    public override string Type => ResourceType;

    /// <summary>Gets <c>patient</c> (1..1 in both types), which decides the resource's partition.</summary>
    public string? Patient { get; init; }
}

internal sealed record SurveyFacts(string? Status, string? Subject, string? Source, string? Authored,
                                   ImmutableArray<AnswerFacts> Answers) : ResourceFacts
{
    public override string Type => "QuestionnaireResponse";
}

internal sealed record CommunicationFacts(string? Sent, string? Sender, ImmutableArray<string?> InResponseTo, string? Subject,
                                          ImmutableArray<string?> Recipients) : ResourceFacts
{
    public override string Type => "Communication";
}

internal sealed record ScheduleFacts : ResourceFacts
{
    public override string Type => "Schedule";
}

internal sealed record SlotFacts(string? Status, string? Schedule, string? Start, ConceptFacts? AppointmentType,
                                 ImmutableArray<ConceptFacts> ServiceTypes) : ResourceFacts
{
    public override string Type => "Slot";
}
