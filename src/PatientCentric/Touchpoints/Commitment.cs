namespace PatientCentric.Touchpoints;

/// <summary>The six commitments of an aesthetic practice to its patients-as-customers (the library's rubric of customer service in
/// aesthetic practice, docs/touchpoints/follow-up.md), each scored by a rubric of touchpoint measures and reviews.</summary>
public enum Commitment
{
    /// <summary>Compassion: kindness, listening, empathy.</summary>
    Compassion,

    /// <summary>A safe environment: clean, hygienic, professional.</summary>
    SafeEnvironment,

    /// <summary>Trust: honesty, transparency, no pressure to buy.</summary>
    Trust,

    /// <summary>Engagement: explaining, answering, following up.</summary>
    Engagement,

    /// <summary>Respecting the patient's time: on time, no long waits.</summary>
    RespectingTime,

    /// <summary>Value-added services: the extras that make a visit easy.</summary>
    ValueAddedServices,
}
