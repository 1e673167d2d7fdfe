namespace PatientCentric.Touchpoints;

/// <summary>One duration touchpoint event for streaming aggregation: the measure, the clinician and service line by
/// index (the host's own numbering), and the duration in whole units.</summary>
/// <param name="Measure">The measure.</param>
/// <param name="Clinician">The clinician's index, 0 to clinicians − 1.</param>
/// <param name="ServiceLine">The service line's index, 0 to service lines − 1.</param>
/// <param name="Value">The duration in whole days or minutes; negative or above the measure's cap is invalid and excluded.</param>
public readonly record struct DurationEvent(DurationMeasure Measure, int Clinician, int ServiceLine, int Value);
