using System.Text.Json.Serialization;
using PatientCentric.Customers;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Serialization;

/// <summary>The System.Text.Json source-generated context for every input, result and configuration type: camelCase
/// names, enums as camelCase strings (<c>"notApplicable"</c>; <c>null</c> where the member means that none applies, such
/// as a point no special-cause rule labels; names in any case and the refusal of anything else, listing the allowed
/// values, on reading), ISO 8601 dates (<c>yyyy-MM-dd</c>) and instants with a UTC offset, and unknown members
/// rejected so typos never pass silently. No reflection: safe to trim.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [typeof(StrictDateTimeOffsetConverter), typeof(JsonEnumConverterFactory)])]
[JsonSerializable(typeof(PracticeDataSet))]
[JsonSerializable(typeof(PracticeEvaluation))]
[JsonSerializable(typeof(ScoreCard))]
[JsonSerializable(typeof(System.Collections.Immutable.ImmutableArray<ScoreCard>))]
[JsonSerializable(typeof(Profile))]
[JsonSerializable(typeof(StakeholderAssessments))]
[JsonSerializable(typeof(PrimaryCustomerDecision))]
[JsonSerializable(typeof(PatientCentricOptions))]
[JsonSerializable(typeof(Peers.PeerComparisonResult))]
public sealed partial class PatientCentricJsonContext : JsonSerializerContext;
