namespace PatientCentric.Touchpoints;

/// <summary>A kind of moment of truth: a Customer interaction that decides whether the patient returns and refers (docs/measures.md#vocabulary, docs/touchpoints.md).</summary>
public enum TouchpointKind
{
    /// <summary>Access and scheduling: lead time, third next available appointment, no-shows, cancellations.</summary>
    Access,

    /// <summary>The waiting room: cycle time, wait to be seen, on-time start.</summary>
    WaitingRoom,

    /// <summary>Communications: portal messages, calls.</summary>
    Communication,

    /// <summary>Billing: claims, statements, price estimates.</summary>
    Billing,

    /// <summary>Follow-up and loyalty: post-visit contact, retention, intent to recommend.</summary>
    FollowUp,
}
