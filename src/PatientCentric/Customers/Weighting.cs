using System.Globalization;

namespace PatientCentric.Customers;

/// <summary>Weight normalisation per docs/measures.md#conventions: non-negative, not all zero, scaled to sum 1.</summary>
internal static class Weighting
{
    public static double[] Normalise(IReadOnlyList<double> weights, string paramName)
    {
        double sum = 0;
        for (int j = 0; j < weights.Count; j++)
        {
            double x = weights[j];
            if (!double.IsFinite(x) || x < 0)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Weight {j} must be a finite number of 0 or more."), paramName);
            sum += x;
        }
        if (sum <= 0)
            throw new ArgumentException("At least one weight must be above 0.", paramName);
        return [.. weights.Select(x => x / sum)];
    }
}
