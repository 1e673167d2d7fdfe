namespace PatientCentric.Control;

/// <summary>Why an assumption monitor raised <c>RevisitPrimaryCustomerDecision</c> (docs/assumption-monitors.md).</summary>
public enum AssumptionAlertRule
{
    /// <summary>(a) The latest point is a special cause (outside the limits, or two of three close) in the direction that weakens the assumption.</summary>
    SpecialCause,

    /// <summary>(b) The process limits lie wholly on the wrong side of the assumption's break-even threshold.</summary>
    LimitsBeyondBreakEven,

    /// <summary>(c) A trend or shift signal on the latest point moves towards the break-even threshold.</summary>
    SignalTowardsBreakEven,
}
