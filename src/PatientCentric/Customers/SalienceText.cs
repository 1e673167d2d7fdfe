using System.Globalization;
using PatientCentric.Scoring;

namespace PatientCentric.Customers;

/// <summary>Readable names and the reported component of a stakeholder's salience.</summary>
internal static class SalienceText
{
    public static string Kebab(SalienceClass c) => c switch
    {
        SalienceClass.NonStakeholder => "non-stakeholder",
        _ => c.ToString().ToLowerInvariant(),
    };

    public static string Kebab(SalienceGroup g) => g.ToString().ToLowerInvariant();

    public static string Describe(StakeholderSalience s)
    {
        var present = new List<string>(3);
        if (s.HasPower)
            present.Add("power");
        if (s.HasLegitimacy)
            present.Add("legitimacy");
        if (s.HasUrgency)
            present.Add("urgency");
        string attributes = present.Count == 0 ? "no attribute present" : string.Join(", ", present) + " present";
        string group = s.Group == SalienceGroup.None ? "no group" : $"{Kebab(s.Group)} group";
        return $"Salience class {Kebab(s.Class)} ({group}): {attributes} (Mitchell, Agle & Wood 1997).";
    }

    /// <summary>The reported (not combined) salience component: value = attributes present / 3.</summary>
    public static ScoreComponent Component(StakeholderSalience s) =>
        ScoreComponent.Describe("salience:" + Kebab(s.Class), s.Salience / 3.0, ScoreScale.Proportion, Describe(s));

    public static string Number(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);
}
