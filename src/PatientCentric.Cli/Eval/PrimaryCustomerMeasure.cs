using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Customers;
using PatientCentric.Scoring;

namespace PatientCentric.Cli.Eval;

/// <summary><c>primary-customer</c>: runs one registered primary-customer strategy on stakeholders, criteria and
/// assessments and returns the decision record: winner, ranking, margins, break-evens, rank-reversal flag and
/// assumptions (docs/primary-customer.md; docs/cli-json.md).</summary>
internal sealed class PrimaryCustomerMeasure : IEvalMeasure
{
    private static readonly Lazy<StrategyRegistry> Registry = new(() =>
    {
        var services = new ServiceCollection().AddPatientCentric();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<StrategyRegistry>();
    });

    public string Id => "primary-customer";

    public string Description => "Primary-customer decision (weighted-sum, ahp, topsis or salience): winner, ranking, score and weight margins, break-evens, rank reversal.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var registry = Registry.Value;
        string strategyKey = request.RequiredString("strategy");
        var strategy = registry.PrimaryCustomerStrategies.FirstOrDefault(s => s.Key == strategyKey)
            ?? throw new EvalInputException(RequestObject.Child(request.Path, "strategy"),
                $"unknown strategy \"{strategyKey}\"; expected one of {string.Join(", ", registry.PrimaryCustomerStrategies.Select(s => s.Key))}.");
        string stakeholdersPath = RequestObject.Child(request.Path, "stakeholders");
        var stakeholderArray = request.RequiredArray("stakeholders");
        string criteriaPath = RequestObject.Child(request.Path, "criteria");
        var criteriaArray = strategyKey == "salience" ? request.Optional("criteria") ?? default : request.RequiredArray("criteria");
        string assessmentsPath = RequestObject.Child(request.Path, "assessments");
        var assessmentArray = request.Optional("assessments");
        var pairwise = request.Optional("criteriaPairwise");
        var optionsElement = request.Optional("options");
        var decidedOn = RequestValues.OptionalDate(request, "decidedOn");
        request.RejectUnknownFields();

        var stakeholders = new List<Stakeholder>();
        var salience = new List<SalienceAssessment>();
        var withoutSalience = new List<string>();
        foreach (var s in RequestValues.Objects(stakeholderArray, stakeholdersPath))
        {
            string key = RequestValues.NonEmptyString(s.Required("key"), RequestObject.Child(s.Path, "key"));
            if (stakeholders.Any(x => x.Key == key))
                throw new EvalInputException(RequestObject.Child(s.Path, "key"), $"\"{key}\" is given more than once.");
            var kind = StakeholderKind.HostDefined;
            if (s.Optional("kind") is { } k)
            {
                string kindPath = RequestObject.Child(s.Path, "kind");
                // camelCase, as every JSON output spells an enum; the PascalCase name is still read.
                var names = Enum.GetValues<StakeholderKind>().Select(v => (Value: v, Name: JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))).ToList();
                string? text = k.ValueKind == JsonValueKind.String ? k.GetString() : null;
                if (names.FirstOrDefault(x => x.Name == text || x.Value.ToString() == text) is not { Name: not null } match)
                    throw new EvalInputException(kindPath, $"expected one of {string.Join(", ", names.Select(x => $"\"{x.Name}\""))}.");
                kind = match.Value;
            }
            string name = s.Optional("name") is { } n ? RequestValues.NonEmptyString(n, RequestObject.Child(s.Path, "name")) : key;
            bool hasAny = s.Optional("power") is not null | s.Optional("legitimacy") is not null | s.Optional("urgency") is not null;
            if (hasAny)
                salience.Add(new SalienceAssessment(key, SalienceMeasure.Score(s, "power"), SalienceMeasure.Score(s, "legitimacy"), SalienceMeasure.Score(s, "urgency")));
            else
                withoutSalience.Add(s.Path);
            s.RejectUnknownFields();
            stakeholders.Add(new Stakeholder(key, kind, name));
        }
        if ((salience.Count > 0 || strategyKey == "salience") && withoutSalience.Count > 0)
            throw new EvalInputException(withoutSalience[0], strategyKey == "salience"
                ? "the salience strategy needs power, legitimacy and urgency for every stakeholder."
                : "salience is given for some stakeholders, so every stakeholder needs power, legitimacy and urgency.");

        var criteria = new List<Criterion>();
        if (criteriaArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var c in RequestValues.Objects(criteriaArray, criteriaPath))
            {
                string key = RequestValues.NonEmptyString(c.Required("key"), RequestObject.Child(c.Path, "key"));
                if (criteria.Any(x => x.Key == key))
                    throw new EvalInputException(RequestObject.Child(c.Path, "key"), $"\"{key}\" is given more than once.");
                double weight = c.Optional("weight") is { } w ? DecisionRequests.FiniteNumber(w, RequestObject.Child(c.Path, "weight")) : 1.0;
                if (weight < 0)
                    throw new EvalInputException(RequestObject.Child(c.Path, "weight"), "must be 0 or more.");
                var direction = TopsisMeasure.Direction(c, "direction");
                double low = DecisionRequests.FiniteNumber(c.Required("scaleLow"), RequestObject.Child(c.Path, "scaleLow"));
                double high = DecisionRequests.FiniteNumber(c.Required("scaleHigh"), RequestObject.Child(c.Path, "scaleHigh"));
                if (high <= low)
                    throw new EvalInputException(RequestObject.Child(c.Path, "scaleHigh"), "must be above scaleLow.");
                c.RejectUnknownFields();
                criteria.Add(new Criterion(key, weight, direction, low, high));
            }
            if (strategyKey is "weighted-sum" or "topsis" && criteria.Sum(c => c.Weight) <= 0)
                throw new EvalInputException(criteriaPath, "at least one weight must be above 0.");
        }
        else if (criteriaArray.ValueKind != JsonValueKind.Undefined)
        {
            throw new EvalInputException(criteriaPath, $"expected an array, got {RequestObject.Describe(criteriaArray)}.");
        }

        var assessments = new List<StakeholderAssessment>();
        if (assessmentArray is { } aa)
        {
            if (aa.ValueKind != JsonValueKind.Array)
                throw new EvalInputException(assessmentsPath, $"expected an array, got {RequestObject.Describe(aa)}.");
            foreach (var a in RequestValues.Objects(aa, assessmentsPath))
            {
                string who = RequestValues.NonEmptyString(a.Required("stakeholder"), RequestObject.Child(a.Path, "stakeholder"));
                if (stakeholders.All(s => s.Key != who))
                    throw new EvalInputException(RequestObject.Child(a.Path, "stakeholder"), $"\"{who}\" is not one of {stakeholdersPath}.");
                string what = RequestValues.NonEmptyString(a.Required("criterion"), RequestObject.Child(a.Path, "criterion"));
                if (criteria.All(c => c.Key != what))
                    throw new EvalInputException(RequestObject.Child(a.Path, "criterion"), $"\"{what}\" is not one of {criteriaPath}.");
                if (assessments.Any(x => x.StakeholderKey == who && x.CriterionKey == what))
                    throw new EvalInputException(a.Path, $"\"{who}\" is already assessed on \"{what}\".");
                double value = DecisionRequests.FiniteNumber(a.Required("value"), RequestObject.Child(a.Path, "value"));
                string source = RequestValues.NonEmptyString(a.Required("source"), RequestObject.Child(a.Path, "source"));
                var on = RequestValues.RequiredDate(a, "assessedOn");
                a.RejectUnknownFields();
                assessments.Add(new StakeholderAssessment(who, what, value, source, on));
            }
        }
        foreach (var s in stakeholders)
        {
            foreach (var c in criteria)
            {
                if (!assessments.Any(a => a.StakeholderKey == s.Key && a.CriterionKey == c.Key))
                    throw new EvalInputException(assessmentsPath, $"\"{s.Key}\" has no assessment on \"{c.Key}\"; every stakeholder needs one per criterion.");
            }
        }

        var options = ReadOptions(optionsElement, RequestObject.Child(request.Path, "options"), criteria.Count, criteriaPath);
        var judgements = ImmutableArray<PairwiseJudgement>.Empty;
        string pairwisePath = RequestObject.Child(request.Path, "criteriaPairwise");
        if (pairwise is { } pw)
        {
            var keys = criteria.Select(c => c.Key).ToArray();
            DecisionRequests.Judgements(pw, pairwisePath, keys, criteriaPath);
            judgements = [.. RequestValues.Objects(pw, pairwisePath).Select(j => new PairwiseJudgement(j.Required("row").GetString()!, j.Required("col").GetString()!, j.Required("value").GetDouble()))];
        }
        else if (strategyKey == "ahp" && criteria.Count > 1)
        {
            throw new EvalInputException(pairwisePath, "required when the strategy is \"ahp\": the criteria weights come from these judgements.");
        }

        var on2 = decidedOn ?? (assessments.Count > 0 ? assessments.Max(a => a.AssessedOn)
            : throw new EvalInputException(RequestObject.Child(request.Path, "decidedOn"), "required when there are no assessments."));
        var instant = new DateTimeOffset(on2.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var context = new ScoringContext(new MeasurementPeriod(on2, on2), instant, TimeZoneInfo.Utc, BuiltInProfiles.All[BuiltInProfiles.DefaultKey]);
        var input = new StakeholderAssessments([.. stakeholders], [.. criteria], [.. assessments])
        {
            Salience = [.. salience],
            CriteriaJudgements = judgements,
            Options = options,
        };

        PrimaryCustomerDecision d;
        try
        {
            d = strategy.Decide(input, context);
        }
        catch (ArgumentException e)
        {
            string message = e.Message;
            int cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            throw new EvalInputException("$", cut >= 0 ? message[..cut] : message);
        }
        Write(result, d, input.Assessments);
    }

    private static DecisionOptions ReadOptions(JsonElement? element, string path, int criteriaCount, string criteriaPath)
    {
        if (element is not { } e)
            return DecisionOptions.Default;
        var o = RequestObject.Of(e, path);
        var normalization = CriterionNormalization.ScaleBounds;
        if (o.Optional("normalisation") is { } n)
        {
            normalization = n.ValueKind == JsonValueKind.String ? n.GetString() switch
            {
                "scaleBounds" => CriterionNormalization.ScaleBounds,
                "minMaxAcrossAlternatives" => CriterionNormalization.MinMaxAcrossAlternatives,
                _ => throw new EvalInputException(RequestObject.Child(path, "normalisation"), "expected scaleBounds or minMaxAcrossAlternatives."),
            } : throw new EvalInputException(RequestObject.Child(path, "normalisation"), "expected scaleBounds or minMaxAcrossAlternatives.");
        }
        var topsis = TopsisMeasure.ReadNormalization(o, "topsisNormalisation");
        var table = DecisionRequests.RandomIndex(o, "randomIndex", criteriaCount, criteriaPath);
        var minimum = SalienceMeasure.MinimumGroup(o, "minimumSalienceGroup");
        o.RejectUnknownFields();
        return new DecisionOptions { Normalization = normalization, TopsisNormalization = topsis, RandomIndex = table, MinimumSalienceGroup = minimum };
    }

    private static void Write(Utf8JsonWriter w, PrimaryCustomerDecision d, ImmutableArray<StakeholderAssessment> assumptions)
    {
        w.WriteStartObject();
        w.WriteString("strategy", d.StrategyKey);
        w.WriteString("outcome", d.Outcome switch { DecisionOutcome.Winner => "winner", DecisionOutcome.Tie => "tie", _ => "noCandidate" });
        if (d.WinnerKey is null)
            w.WriteNull("winner");
        else
            w.WriteString("winner", d.WinnerKey);
        RequestValues.WriteNumber(w, "scoreMargin", d.ScoreMargin);
        w.WriteStartObject("weights");
        foreach (var cw in d.Weights)
            w.WriteNumber(cw.CriterionKey, cw.Weight);
        w.WriteEndObject();

        w.WriteStartObject("weightMargin");
        var m = d.WeightMargin;
        w.WriteString("status", m.Status switch { WeightMarginStatus.Found => "found", WeightMarginStatus.Robust => "robust", _ => "notApplicable" });
        WriteString(w, "criterion", m.CriterionKey);
        RequestValues.WriteNumber(w, "delta", m.Delta);
        WriteString(w, "direction", m.Delta is { } delta ? (delta > 0 ? "increase" : "decrease") : null);
        WriteString(w, "newWinner", m.NewWinnerKey);
        w.WriteEndObject();

        w.WriteStartArray("breakEvens");
        foreach (var b in d.BreakEvens)
        {
            w.WriteStartObject();
            w.WriteString("criterion", b.CriterionKey);
            w.WriteString("rival", b.RivalKey);
            RequestValues.WriteNumber(w, "normalisedChange", b.NormalisedChange);
            w.WriteNumber("currentValue", b.CurrentValue);
            RequestValues.WriteNumber(w, "threshold", b.Threshold);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteBoolean("rankReversalSensitive", d.IsRankReversalSensitive);

        w.WriteStartArray("ranking");
        for (int i = 0; i < d.Ranking.Length; i++)
        {
            var card = d.Ranking[i];
            w.WriteStartObject();
            w.WriteString("stakeholder", card.Scope.Key);
            if (d.Ranks[i] > 0)
                w.WriteNumber("rank", d.Ranks[i]);
            else
                w.WriteNull("rank");
            RequestValues.WriteNumber(w, "score", card.Value);
            w.WriteString("status", JsonNamingPolicy.CamelCase.ConvertName(card.Status.ToString()));
            WriteString(w, "reason", card.StatusReason);
            w.WriteStartArray("components");
            foreach (var c in card.Components)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                RequestValues.WriteNumber(w, "input", c.InputValue);
                RequestValues.WriteNumber(w, "weight", c.Weight);
                RequestValues.WriteNumber(w, "contribution", c.Contribution);
                w.WriteString("reason", c.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("assumptions");
        foreach (var a in d.Assumptions.IsEmpty ? assumptions : d.Assumptions)
        {
            w.WriteStartObject();
            w.WriteString("stakeholder", a.StakeholderKey);
            w.WriteString("criterion", a.CriterionKey);
            w.WriteNumber("value", a.Value);
            w.WriteString("source", a.Source);
            RequestValues.WriteDate(w, "assessedOn", a.AssessedOn);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (d.CriteriaPriorities is { } p)
        {
            w.WriteStartObject("criteriaConsistency");
            w.WriteNumber("lambdaMax", p.LambdaMax);
            w.WriteNumber("consistencyIndex", p.ConsistencyIndex);
            w.WriteNumber("consistencyRatio", p.ConsistencyRatio);
            w.WriteBoolean("consistent", p.IsConsistent);
            w.WriteString("randomIndex", DecisionRequests.Name(p.RandomIndexTable));
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("criteriaConsistency");
        }
        w.WriteString("decidedAt", d.DecidedAt.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }
}
