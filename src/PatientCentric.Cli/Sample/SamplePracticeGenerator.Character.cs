namespace PatientCentric.Cli.Sample;

/// <summary>The service lines of a practice with a <see cref="PracticeCharacter"/> other than the default.</summary>
internal sealed partial class SamplePracticeGenerator
{
    /// <summary>The lines with the character's mix (weights on the patient shares, normalised to 1) and its factors on
    /// no-show probability (capped at 0.5), median lead time and median wait.</summary>
    private static Line[] Characterise(Line[] lines, PracticeCharacter c)
    {
        double[] weights = [.. lines.Select(l => l.PatientShare * l.Key switch
        {
            "primary-care" => c.PrimaryCareWeight,
            "dermatology" => c.DermatologyWeight,
            _ => c.AestheticsWeight,
        })];
        double total = weights.Sum();
        return
        [
            .. lines.Select((l, i) => l with
            {
                PatientShare = weights[i] / total,
                NoShow = Math.Min(0.5, l.NoShow * c.NoShowFactor),
                LeadMedianDays = l.LeadMedianDays * c.LeadTimeFactor,
                WaitMedianMinutes = l.WaitMedianMinutes * c.WaitFactor,
            }),
        ];
    }
}
