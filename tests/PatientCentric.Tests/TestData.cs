using System.Collections.Immutable;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Tests;

/// <summary>Builders for small, readable test data sets. Instants are in Chicago local time (UTC−06:00 in winter).</summary>
internal static class TestData
{
    public static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    public static readonly MeasurementPeriod January = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31));
    public static readonly DateTimeOffset AfterJanuary = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A profile with every minimum evidence at 1, so small worked examples get values.</summary>
    public static readonly Profile Lenient = BuiltInProfiles.PrimaryCareValueBased with { MinimumEvidence = new EvidenceMinimums(1, 1, 1) };

    public static ScoringContext Context(Profile? profile = null, DateTimeOffset? asOf = null) =>
        new(January, asOf ?? AfterJanuary, Chicago, profile ?? Lenient);

    /// <summary>A Chicago wall-clock instant in January 2025.</summary>
    public static DateTimeOffset Jan(int day, int hour, int minute = 0) => new(2025, 1, day, hour, minute, 0, TimeSpan.FromHours(-6));

    private static int _next;

    // Ids in creation order, also ordinally: scorers order records at the same instant by id (ordinal), and tests run in
    // parallel share the counter, so "A999" then "A1000" would swap two records made one after the other.
    private static string NextId(char prefix) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{Interlocked.Increment(ref _next):D10}");

    public static Appointment Kept(DateTimeOffset start, DateTimeOffset? booked = null, DateTimeOffset? arrived = null,
                                   DateTimeOffset? seen = null, DateTimeOffset? departed = null, string line = "primary-care") =>
        new(NextId('A'), "P-TEST", line, "C1", booked ?? start.AddDays(-7), start, AppointmentOutcome.Kept,
            ArrivedAt: arrived, SeenAt: seen, DepartedAt: departed);

    public static Appointment With(DateTimeOffset start, AppointmentOutcome outcome, DateTimeOffset? cancelledAt = null,
                                   CancellationInitiator? by = null, DateTimeOffset? booked = null) =>
        new(NextId('A'), "P-TEST", "primary-care", "C1", booked ?? start.AddDays(-7), start, outcome, cancelledAt, by);

    public static PracticeDataSet Data(IEnumerable<Appointment>? appointments = null, IEnumerable<SurveyItem>? items = null,
                                       IEnumerable<SurveyReturn>? returns = null) =>
        new(PracticeDataSet.CurrentSchemaVersion, "Test practice", "America/Chicago", January,
            [new ServiceLine("primary-care", "Primary Care"), new ServiceLine("dermatology", "Dermatology")],
            [.. appointments ?? []], [.. items ?? []], [.. returns ?? []], [], [], []);

    public static readonly ImmutableArray<string> ZeroToTen = [.. Enumerable.Range(0, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    public static readonly ImmutableArray<string> Frequency = ["Never", "Sometimes", "Usually", "Always"];

    public static SurveyReturn Return(string item, string answer, string line = "primary-care", int day = 10) =>
        new(NextId('S'), "P-TEST", line, new DateOnly(2025, 1, day), ImmutableSortedDictionary<string, string>.Empty.Add(item, answer));
}
