using System.Collections.Immutable;

namespace PatientCentric.Serialization;

/// <summary>Input data could not be read: every problem found is in <see cref="Errors"/>, each with its code, source,
/// line (when known) and JSON path. The message lists them; it never echoes a record's value.</summary>
public sealed class PatientCentricDataException : Exception
{
    private const int ListedInMessage = 20;

    /// <summary>Initializes the exception with the problems found.</summary>
    /// <param name="errors">At least one problem.</param>
    public PatientCentricDataException(ImmutableArray<DataError> errors)
        : base(Describe(errors)) => Errors = errors.IsDefault ? [] : errors;

    /// <summary>Initializes the exception with one message and no listed problems.</summary>
    public PatientCentricDataException() : this([]) { }

    /// <summary>Initializes the exception with one message and no listed problems.</summary>
    /// <param name="message">The message.</param>
    public PatientCentricDataException(string message) : base(message) => Errors = [];

    /// <summary>Initializes the exception with one message, an inner exception and no listed problems.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PatientCentricDataException(string message, Exception innerException) : base(message, innerException) => Errors = [];

    /// <summary>Gets every problem found.</summary>
    public ImmutableArray<DataError> Errors { get; }

    private static string Describe(ImmutableArray<DataError> errors)
    {
        if (errors.IsDefaultOrEmpty)
            return "The input data could not be read.";
        var lines = errors.Take(ListedInMessage).Select(e => e.ToString());
        string more = errors.Length > ListedInMessage ? $"{Environment.NewLine}… and {errors.Length - ListedInMessage} more." : "";
        return $"The input data has {errors.Length} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{more}";
    }
}
