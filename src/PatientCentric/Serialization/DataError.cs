using System.Globalization;

namespace PatientCentric.Serialization;

/// <summary>One problem in input data: a stable code, the source, the line when known, the JSON path, and what is wrong.
/// Never carries a record's value, so no patient identifier or name can leak through it.</summary>
/// <param name="Code">A stable code such as <c>PC0103</c> (docs/data-model.md lists them).</param>
/// <param name="Source">The file or stream name.</param>
/// <param name="Line">The 1-based line, when the problem was found while reading; otherwise <see langword="null"/>.</param>
/// <param name="Path">The JSON path of the offending element, such as <c>$.appointments[3].start</c>.</param>
/// <param name="Message">What is wrong, without echoing the value.</param>
public sealed record DataError(string Code, string Source, long? Line, string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() =>
        Line is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"{Code} {Source} line {line}, {Path}: {Message}")
            : $"{Code} {Source}, {Path}: {Message}";
}
