namespace PatientCentric.Customers;

/// <summary>How a primary-customer decision ended.</summary>
public enum DecisionOutcome
{
    /// <summary>One stakeholder ranks first alone: it is the primary customer.</summary>
    Winner,

    /// <summary>Two or more stakeholders share rank 1 (scores within 1e−9, docs/measures.md#conventions): no winner, score margin 0.</summary>
    Tie,

    /// <summary>No stakeholder passed the salience screen, or none was given: no winner.</summary>
    NoCandidate,
}
