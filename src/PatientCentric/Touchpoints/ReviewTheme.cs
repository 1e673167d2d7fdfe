using System.Collections.Immutable;

namespace PatientCentric.Touchpoints;

/// <summary>What reviews say about one commitment: how many mention it favourably or unfavourably, and a few short example
/// snippets of each, scrubbed of person names.</summary>
/// <param name="Commitment">The commitment.</param>
/// <param name="Pros">Reviews with a favourable mention.</param>
/// <param name="Cons">Reviews with an unfavourable mention.</param>
/// <param name="ProExamples">Up to three scrubbed snippets of favourable mentions.</param>
/// <param name="ConExamples">Up to three scrubbed snippets of unfavourable mentions.</param>
public sealed record ReviewTheme(Commitment Commitment, int Pros, int Cons, ImmutableArray<string> ProExamples, ImmutableArray<string> ConExamples);
