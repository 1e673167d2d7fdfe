using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PatientCentric.Serialization;

/// <summary>Gives every enum of the library its <see cref="JsonEnumConverter{TEnum}"/>: camelCase strings, and
/// <c>null</c> for <see cref="Control.SpecialCauseRule.None"/> (no rule labels the point).
/// <see cref="Customers.SalienceGroup.None"/> and <see cref="Customers.TopsisNormalization.None"/> stay the string
/// <c>"none"</c>: there "none" is a setting (screen nobody out, do not normalise), not an absence. An explicit table, so no reflection: safe to trim.
/// Each converter is made when the serializer first asks for its enum: building one (its name tables) is start-up work a
/// run that never reads or writes that enum should not pay.</summary>
internal sealed class JsonEnumConverterFactory : JsonConverterFactory
{
    private static readonly FrozenDictionary<Type, Func<JsonConverter>> Converters = Build();

    /// <summary>Gets the enums this factory converts.</summary>
    internal static IEnumerable<Type> Types => Converters.Keys;

    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) => Converters.ContainsKey(typeToConvert);

    /// <inheritdoc/>
    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Converters.GetValueOrDefault(typeToConvert)?.Invoke();

    private static FrozenDictionary<Type, Func<JsonConverter>> Build()
    {
        var converters = new Dictionary<Type, Func<JsonConverter>>();
        void Add<TEnum>() where TEnum : struct, Enum => converters.Add(typeof(TEnum), static () => new JsonEnumConverter<TEnum>());
        Add<Control.AssumptionAlertRule>();
        Add<Control.AssuranceIcon>();
        Add<Control.FunnelDataType>();
        Add<Control.FunnelOverdispersion>();
        Add<Control.FunnelTrimming>();
        Add<Control.ImprovementDirection>();
        Add<Control.PointType>();
        Add<Control.RunsCentreLine>();
        Add<Control.SpcChartKind>();
        Add<Control.SpecialCauseRule>();
        Add<Control.VariationIcon>();
        Add<Customers.AhpStatus>();
        Add<Customers.CriterionDirection>();
        Add<Customers.CriterionNormalization>();
        Add<Customers.DecisionOutcome>();
        Add<Customers.RandomIndexTable>();
        Add<Customers.SalienceClass>();
        Add<Customers.SalienceGroup>();
        Add<Customers.StakeholderKind>();
        Add<Customers.TopsisNormalization>();
        Add<Customers.WeightMarginStatus>();
        Add<Jobs.CmaType>();
        Add<Jobs.JobBarrier>();
        Add<Jobs.JobState>();
        Add<Jobs.PatientJobKind>();
        Add<Jobs.ReferralClosureMode>();
        Add<Jobs.SupportAction>();
        Add<Peers.PeerComparisonStatus>();
        Add<Records.AppointmentOutcome>();
        Add<Records.CancellationInitiator>();
        Add<Records.SurveyItemKind>();
        Add<Records.VisitMode>();
        Add<Scoring.CareSetting>();
        Add<Scoring.InteractionRole>();
        Add<Scoring.MeasureCategory>();
        Add<Scoring.MeasureKind>();
        Add<Scoring.PaymentModel>();
        Add<Scoring.PeriodGrain>();
        Add<Scoring.ScopeLevel>();
        Add<Scoring.ScoreScale>();
        Add<Scoring.ScoreStatus>();
        Add<Touchpoints.CahpsScaleKind>();
        Add<Touchpoints.Commitment>();
        Add<Touchpoints.DayCountConvention>();
        Add<Touchpoints.DurationMeasure>();
        Add<Touchpoints.SlotStatus>();
        Add<Touchpoints.TouchpointKind>();
        Add<Value.CrosshairRule>();
        Add<Value.IpaQuadrant>();
        return converters.ToFrozenDictionary();
    }
}
