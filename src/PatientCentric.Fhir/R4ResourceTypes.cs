namespace PatientCentric.Fhir;

/// <summary>The resource types of FHIR R4 (4.0.1), whose list is fixed by the published specification
/// (https://hl7.org/fhir/R4/resourcelist.html): the read tells a resource of a known type it does not use (ignored, and
/// counted) from a type R4 does not define (a problem). The same answer as the Firely SDK's
/// <c>ModelInfo.IsKnownResource</c> (tested), without its model inspector, whose start-up (reflection over the whole R4
/// model) took about half a second of every FHIR read.</summary>
internal static class R4ResourceTypes
{
    /// <summary>The 146 concrete resource types, in ordinal order.</summary>
    internal static readonly string[] Concrete =
    [
        "Account", "ActivityDefinition", "AdverseEvent", "AllergyIntolerance", "Appointment", "AppointmentResponse",
        "AuditEvent", "Basic", "Binary", "BiologicallyDerivedProduct", "BodyStructure", "Bundle",
        "CapabilityStatement", "CarePlan", "CareTeam", "CatalogEntry", "ChargeItem", "ChargeItemDefinition", "Claim",
        "ClaimResponse", "ClinicalImpression", "CodeSystem", "Communication", "CommunicationRequest",
        "CompartmentDefinition", "Composition", "ConceptMap", "Condition", "Consent", "Contract", "Coverage",
        "CoverageEligibilityRequest", "CoverageEligibilityResponse", "DetectedIssue", "Device", "DeviceDefinition",
        "DeviceMetric", "DeviceRequest", "DeviceUseStatement", "DiagnosticReport", "DocumentManifest",
        "DocumentReference", "EffectEvidenceSynthesis", "Encounter", "Endpoint", "EnrollmentRequest",
        "EnrollmentResponse", "EpisodeOfCare", "EventDefinition", "Evidence", "EvidenceVariable", "ExampleScenario",
        "ExplanationOfBenefit", "FamilyMemberHistory", "Flag", "Goal", "GraphDefinition", "Group", "GuidanceResponse",
        "HealthcareService", "ImagingStudy", "Immunization", "ImmunizationEvaluation", "ImmunizationRecommendation",
        "ImplementationGuide", "InsurancePlan", "Invoice", "Library", "Linkage", "List", "Location", "Measure",
        "MeasureReport", "Media", "Medication", "MedicationAdministration", "MedicationDispense",
        "MedicationKnowledge", "MedicationRequest", "MedicationStatement", "MedicinalProduct",
        "MedicinalProductAuthorization", "MedicinalProductContraindication", "MedicinalProductIndication",
        "MedicinalProductIngredient", "MedicinalProductInteraction", "MedicinalProductManufactured",
        "MedicinalProductPackaged", "MedicinalProductPharmaceutical", "MedicinalProductUndesirableEffect",
        "MessageDefinition", "MessageHeader", "MolecularSequence", "NamingSystem", "NutritionOrder", "Observation",
        "ObservationDefinition", "OperationDefinition", "OperationOutcome", "Organization", "OrganizationAffiliation",
        "Parameters", "Patient", "PaymentNotice", "PaymentReconciliation", "Person", "PlanDefinition", "Practitioner",
        "PractitionerRole", "Procedure", "Provenance", "Questionnaire", "QuestionnaireResponse", "RelatedPerson",
        "RequestGroup", "ResearchDefinition", "ResearchElementDefinition", "ResearchStudy", "ResearchSubject",
        "RiskAssessment", "RiskEvidenceSynthesis", "Schedule", "SearchParameter", "ServiceRequest", "Slot", "Specimen",
        "SpecimenDefinition", "StructureDefinition", "StructureMap", "Subscription", "Substance",
        "SubstanceNucleicAcid", "SubstancePolymer", "SubstanceProtein", "SubstanceReferenceInformation",
        "SubstanceSourceMaterial", "SubstanceSpecification", "SupplyDelivery", "SupplyRequest", "Task",
        "TerminologyCapabilities", "TestReport", "TestScript", "ValueSet", "VerificationResult", "VisionPrescription",
    ];

    // The two abstract bases count as known, as the Firely SDK counts them; names are matched in any case, as it matches them.
    private static readonly HashSet<string> Known = new([.. Concrete, "Resource", "DomainResource"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="type"/> names an R4 resource type (in any case), or one of the abstract
    /// <c>Resource</c> and <c>DomainResource</c>. Thread-safe.</summary>
    public static bool IsKnown(string type) => Known.Contains(type);
}
