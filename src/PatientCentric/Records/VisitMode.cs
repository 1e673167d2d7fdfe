namespace PatientCentric.Records;

/// <summary>How a visit took place.</summary>
public enum VisitMode
{
    /// <summary>In person (FHIR <c>Encounter.class</c> <c>AMB</c>).</summary>
    InPerson,

    /// <summary>By video or phone (FHIR <c>Encounter.class</c> <c>VR</c>).</summary>
    Telehealth,
}
