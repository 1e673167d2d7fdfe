using System.Collections.Immutable;

namespace PatientCentric.Fhir;

/// <summary>Thrown in strict mode (<see cref="FhirReadOptions.Strict"/>) when the input has a problem; the message lists
/// file and line only, never an identifier or value.</summary>
public sealed class FhirInputException : Exception
{
    /// <summary>Initializes a new instance for the given problems.</summary>
    /// <param name="issues">The problems found.</param>
    public FhirInputException(ImmutableArray<FhirDataIssue> issues)
        : base("FHIR input problem: " + string.Join("; ", issues.Select(i => i.ToString())))
        => Issues = issues;

    /// <summary>Initializes a new instance with no issues.</summary>
    public FhirInputException() : base("FHIR input problem.") => Issues = [];

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message; must not carry identifiers.</param>
    public FhirInputException(string message) : base(message) => Issues = [];

    /// <summary>Initializes a new instance with a message and inner exception.</summary>
    /// <param name="message">The message; must not carry identifiers.</param>
    /// <param name="innerException">The cause.</param>
    public FhirInputException(string message, Exception innerException) : base(message, innerException) => Issues = [];

    /// <summary>Gets the problems found.</summary>
    public ImmutableArray<FhirDataIssue> Issues { get; }
}
