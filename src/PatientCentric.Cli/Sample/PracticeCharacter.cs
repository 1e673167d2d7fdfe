using System.Globalization;

namespace PatientCentric.Cli.Sample;

/// <summary>What makes one synthetic practice of <c>sample --practices K</c> unlike the others: its name, size, service-line
/// mix and operating characteristics, as factors on the bundled sample's (docs/peers.md#the-sample-with-several-practices).
/// <see cref="Default"/> is the bundled sample itself, so <see cref="SamplePracticeGenerator.Generate"/> without a character
/// writes exactly the committed sample.</summary>
/// <param name="PracticeName">The data set's practice name.</param>
/// <param name="PatientFactor">Patients relative to <c>--patients</c> (volume).</param>
/// <param name="PrimaryCareWeight">Relative weight of primary care in the patient mix (1 keeps the sample's 60 %).</param>
/// <param name="DermatologyWeight">Relative weight of dermatology (1 keeps 25 %).</param>
/// <param name="AestheticsWeight">Relative weight of self-pay aesthetic medicine (1 keeps 15 %): the self-pay share.</param>
/// <param name="NoShowFactor">Factor on each line's no-show probability.</param>
/// <param name="LeadTimeFactor">Factor on each line's median booking lead time.</param>
/// <param name="WaitFactor">Factor on each line's median wait to be seen.</param>
/// <param name="CleanClaimRate">Probability that a claim is clean at first submission (the sample's 0.88).</param>
/// <param name="PortalReplyMedianMinutes">Median minutes to a portal reply before business hours apply (the sample's 300).</param>
internal sealed record PracticeCharacter(string PracticeName, double PatientFactor = 1, double PrimaryCareWeight = 1, double DermatologyWeight = 1,
                                         double AestheticsWeight = 1, double NoShowFactor = 1, double LeadTimeFactor = 1, double WaitFactor = 1,
                                         double CleanClaimRate = 0.88, double PortalReplyMedianMinutes = 300)
{
    /// <summary>The bundled sample's character.</summary>
    public static PracticeCharacter Default { get; } = new("Riverside Health Partners (synthetic sample)");

    private static readonly string[] Names =
        ["Lakeview", "Hillcrest", "Maple Street", "Harbor", "Oakwood", "Cedar Park", "Northgate", "Riverbend", "Summit", "Willow Creek", "Eastside", "Pinecrest"];

    /// <summary>The character of practice <paramref name="index"/> (1-based) of a several-practice sample: drawn from a
    /// generator seeded by the index alone, so practice 3 is the same practice whatever K is.</summary>
    public static PracticeCharacter For(int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        var r = new Random(7919 * index);
        double Between(double lo, double hi) => Math.Round(lo + (r.NextDouble() * (hi - lo)), 2);
        string name = index <= Names.Length
            ? $"{Names[index - 1]} Health Partners (synthetic sample)"
            : string.Create(CultureInfo.InvariantCulture, $"Practice {index} (synthetic sample)");
        return new(name,
            PatientFactor: Between(0.6, 1.4),
            PrimaryCareWeight: Between(0.5, 1.5),
            DermatologyWeight: Between(0.3, 1.7),
            AestheticsWeight: Between(0.2, 2.5),
            NoShowFactor: Between(0.5, 2.0),
            LeadTimeFactor: Between(0.5, 2.0),
            WaitFactor: Between(0.6, 1.8),
            CleanClaimRate: Between(0.78, 0.96),
            PortalReplyMedianMinutes: Between(120, 720));
    }
}
