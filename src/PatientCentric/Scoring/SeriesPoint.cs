namespace PatientCentric.Scoring;

/// <summary>One period of a <see cref="MeasureSeries"/>: the measure scored over that period alone.</summary>
/// <param name="Period">The period, clipped to the measurement period.</param>
/// <param name="IsPartialPeriod">Whether the clipping cut the period short (a first or last week, month or quarter that
/// the measurement period covers only in part).</param>
/// <param name="Value">The measure's value over the period, on the card's scale; <see langword="null"/> when the period
/// has no data or too little (see <paramref name="Status"/>), which a chart shows as a gap, never as zero.</param>
/// <param name="Numerator">For a proportion or rate the events counted (the chart's numerator); <see langword="null"/>
/// for a statistic or score, or when the period has no value.</param>
/// <param name="Denominator">For a proportion or rate the cases or exposure; <see langword="null"/> for a statistic or
/// score, or when the period has no value.</param>
/// <param name="Status">The period card's status; <see cref="ScoreStatus.InsufficientData"/> when the period holds no
/// record the measure reads.</param>
/// <param name="EvidenceCount">How many valid records the period's value rests on.</param>
/// <param name="StatusReason">Why the period has no value, or <see langword="null"/>.</param>
public sealed record SeriesPoint(MeasurementPeriod Period, bool IsPartialPeriod, double? Value, double? Numerator, double? Denominator,
                                 ScoreStatus Status, int EvidenceCount, string? StatusReason);
