using System.Collections.Immutable;
using System.Globalization;

namespace PatientCentric.Customers;

/// <summary>Validated assessments as a stakeholders × criteria table of raw values, with salience and the screen applied.</summary>
internal sealed class AssessmentTable
{
    private AssessmentTable(ImmutableArray<Stakeholder> stakeholders, ImmutableArray<Criterion> criteria, double[][] values,
                            StakeholderSalience?[] salience, bool[] screenedIn, ImmutableArray<StakeholderAssessment> assumptions,
                            SalienceGroup minimumSalienceGroup)
    {
        MinimumSalienceGroup = minimumSalienceGroup;
        Stakeholders = stakeholders;
        Criteria = criteria;
        Values = values;
        Salience = salience;
        ScreenedIn = screenedIn;
        Assumptions = assumptions;
        Candidates = [.. Enumerable.Range(0, stakeholders.Length).Where(i => screenedIn[i])];
    }

    public ImmutableArray<Stakeholder> Stakeholders { get; }

    public SalienceGroup MinimumSalienceGroup { get; }

    public ImmutableArray<Criterion> Criteria { get; }

    /// <summary>Raw values, [stakeholder][criterion], in declared order.</summary>
    public double[][] Values { get; }

    public StakeholderSalience?[] Salience { get; }

    public bool[] ScreenedIn { get; }

    /// <summary>Indices of the stakeholders that passed the salience screen, in declared order.</summary>
    public ImmutableArray<int> Candidates { get; }

    public ImmutableArray<StakeholderAssessment> Assumptions { get; }

    public double[][] CandidateRows => [.. Candidates.Select(i => Values[i])];

    public static AssessmentTable Read(StakeholderAssessments input, bool requireSalience, bool requireCriteria = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stakeholders = input.Stakeholders;
        var criteria = input.Criteria;
        var sIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < stakeholders.Length; i++)
        {
            var s = stakeholders[i] ?? throw new ArgumentException("A stakeholder is null.", nameof(input));
            if (string.IsNullOrWhiteSpace(s.Key) || !sIndex.TryAdd(s.Key, i))
                throw new ArgumentException(Invariant($"Stakeholder {i}: the key must be non-empty and unique."), nameof(input));
        }
        var cIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < criteria.Length; j++)
        {
            var c = criteria[j] ?? throw new ArgumentException("A criterion is null.", nameof(input));
            if (string.IsNullOrWhiteSpace(c.Key) || !cIndex.TryAdd(c.Key, j))
                throw new ArgumentException(Invariant($"Criterion {j}: the key must be non-empty and unique."), nameof(input));
            if (!double.IsFinite(c.ScaleLow) || !double.IsFinite(c.ScaleHigh) || c.ScaleHigh <= c.ScaleLow)
                throw new ArgumentException($"Criterion \"{c.Key}\": the scale bounds must be finite with ScaleHigh above ScaleLow.", nameof(input));
            if (!double.IsFinite(c.Weight) || c.Weight < 0)
                throw new ArgumentException($"Criterion \"{c.Key}\": the weight must be a finite number of 0 or more.", nameof(input));
        }
        if (requireCriteria && criteria.IsEmpty)
            throw new ArgumentException("At least one criterion is needed.", nameof(input));

        var values = stakeholders.Select(_ => Enumerable.Repeat(double.NaN, criteria.Length).ToArray()).ToArray();
        var byCell = new StakeholderAssessment?[stakeholders.Length, criteria.Length];
        foreach (var a in input.Assessments)
        {
            if (a is null)
                throw new ArgumentException("An assessment is null.", nameof(input));
            if (!sIndex.TryGetValue(a.StakeholderKey, out int i))
                throw new ArgumentException($"An assessment names the unknown stakeholder \"{a.StakeholderKey}\".", nameof(input));
            if (!cIndex.TryGetValue(a.CriterionKey, out int j))
                throw new ArgumentException($"An assessment names the unknown criterion \"{a.CriterionKey}\".", nameof(input));
            if (byCell[i, j] is not null)
                throw new ArgumentException($"\"{a.StakeholderKey}\" is assessed more than once on \"{a.CriterionKey}\".", nameof(input));
            if (!double.IsFinite(a.Value))
                throw new ArgumentException($"The assessment of \"{a.StakeholderKey}\" on \"{a.CriterionKey}\" must be a finite number.", nameof(input));
            byCell[i, j] = a;
            values[i][j] = a.Value;
        }
        var assumptions = ImmutableArray.CreateBuilder<StakeholderAssessment>();
        for (int i = 0; i < stakeholders.Length; i++)
        {
            for (int j = 0; j < criteria.Length; j++)
            {
                assumptions.Add(byCell[i, j] ?? throw new ArgumentException(
                    $"\"{stakeholders[i].Key}\" has no assessment on \"{criteria[j].Key}\"; every stakeholder needs one per criterion.", nameof(input)));
            }
        }

        var salience = new StakeholderSalience?[stakeholders.Length];
        foreach (var s in input.Salience)
        {
            if (s is null || !sIndex.TryGetValue(s.StakeholderKey, out int i))
                throw new ArgumentException($"A salience assessment names the unknown stakeholder \"{s?.StakeholderKey}\".", nameof(input));
            if (salience[i] is not null)
                throw new ArgumentException($"\"{s.StakeholderKey}\" has more than one salience assessment.", nameof(input));
            salience[i] = s.Classify();
        }
        bool anySalience = !input.Salience.IsEmpty;
        if ((requireSalience || anySalience) && Array.FindIndex(salience, x => x is null) is int missing and >= 0)
            throw new ArgumentException($"\"{stakeholders[missing].Key}\" has no salience assessment; when salience is assessed, every stakeholder needs one.", nameof(input));
        var min = input.Options.MinimumSalienceGroup;
        var screenedIn = salience.Select(s => s is not { } v || v.Group >= min).ToArray();
        return new AssessmentTable(stakeholders, criteria, values, salience, screenedIn, assumptions.ToImmutable(), min);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
