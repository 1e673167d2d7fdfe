namespace PatientCentric.Records;

/// <summary>A free-text review of the practice (online or survey comment). The text may contain names: only scrubbed
/// snippets ever leave the library (docs/guardrails.md).</summary>
/// <param name="Id">The review's opaque identifier.</param>
/// <param name="ServiceLine">The service line reviewed.</param>
/// <param name="WrittenOn">The local date it was written.</param>
/// <param name="Text">The review's text.</param>
public sealed record Review(string Id, string ServiceLine, DateOnly WrittenOn, string Text);
