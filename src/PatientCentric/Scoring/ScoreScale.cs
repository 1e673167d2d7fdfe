namespace PatientCentric.Scoring;

/// <summary>The scale a <see cref="ScoreCard.Value"/> is stated on (docs/measures.md#conventions).</summary>
public enum ScoreScale
{
    /// <summary>A proportion from 0 to 1 inclusive; shown as a percentage.</summary>
    Proportion,

    /// <summary>A Net Promoter Score from −1 to 1 inclusive; shown ×100 (−100 to 100).</summary>
    NetPromoter,

    /// <summary>Points from 0 to 100 inclusive, such as a CAHPS linear mean.</summary>
    Points0To100,

    /// <summary>Whole or fractional calendar days.</summary>
    Days,

    /// <summary>Seconds, as an exact fractional number.</summary>
    Seconds,

    /// <summary>Minutes, as an exact fractional number.</summary>
    Minutes,

    /// <summary>Hours, as an exact fractional number.</summary>
    Hours,

    /// <summary>A count of events.</summary>
    Count,

    /// <summary>A weighted utility or normalised score from 0 to 1 inclusive.</summary>
    Utility,

    /// <summary>A value on a host-declared assessment scale, such as a criterion's 1–5 rating (docs/primary-customer.md); the
    /// component's reason states the scale's bounds.</summary>
    Assessment,
}
