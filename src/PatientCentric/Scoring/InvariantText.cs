using System.Globalization;

namespace PatientCentric.Scoring;

/// <summary>Formats reasons and messages with the invariant culture, so output never depends on the host's locale.</summary>
internal static class InvariantText
{
    public static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
