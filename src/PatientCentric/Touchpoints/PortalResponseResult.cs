using System.Collections.Immutable;

namespace PatientCentric.Touchpoints;

/// <summary>Portal-message response times in business hours (docs/touchpoints/communication.md).</summary>
/// <param name="BusinessHours">Each answered thread's business hours to the first staff reply, in input order of the answered threads.</param>
/// <param name="Open">Threads still unanswered at the evaluation instant (left out of the median).</param>
/// <param name="WithinTarget">Answered within the target.</param>
/// <param name="Breaches">Answered later than the target, or unanswered for longer than the target.</param>
/// <param name="Invalid">Threads whose reply is recorded before the message; excluded.</param>
public sealed record PortalResponseResult(ImmutableArray<double> BusinessHours, int Open, int WithinTarget, int Breaches, int Invalid)
{
    /// <summary>Gets the answered threads' business hours.</summary>
    public ImmutableArray<double> BusinessHours { get; init; } = BusinessHours.IsDefault ? [] : BusinessHours;

    /// <summary>Gets <c>WithinTarget / (WithinTarget + Breaches)</c>: unanswered threads count only once they exceed the
    /// target; <see langword="null"/> when that denominator is 0.</summary>
    public double? WithinTargetRate => WithinTarget + Breaches == 0 ? null : (double)WithinTarget / (WithinTarget + Breaches);
}
