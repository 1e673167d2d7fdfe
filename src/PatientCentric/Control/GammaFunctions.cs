namespace PatientCentric.Control;

/// <summary>The gamma-function family the control charts and funnel plots need: log-gamma, the regularized incomplete gamma
/// functions P(a, x) and Q(a, x), their inverse, the chi-square quantile, and the c4 bias-correction constant.</summary>
/// <remarks>Implemented from the published definitions, without a numerical library:
/// log-gamma by the Lanczos approximation (Lanczos 1964, SIAM J. Numer. Anal. B 1:86–96; g = 7, 9 coefficients, about 15
/// significant digits) with the reflection formula below ½; P(a, x) by its power series and Q(a, x) by its continued fraction
/// (Abramowitz &amp; Stegun 6.5.29 and 6.5.31) evaluated with the modified Lentz algorithm; the inverse by the
/// Wilson–Hilferty start (Wilson &amp; Hilferty 1931) refined by safeguarded Halley steps inside a bracket, to a relative
/// accuracy of about 1e−13. All methods are pure and thread-safe.</remarks>
internal static class GammaFunctions
{
    private const double Epsilon = 1e-16;
    private const int MaxIterations = 1_000_000;

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);   // reflection: Γ(x)Γ(1 − x) = π / sin(πx)
        x -= 1;
        double sum = Lanczos[0];
        for (int i = 1; i < Lanczos.Length; i++)
            sum += Lanczos[i] / (x + i);
        double t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), for a &gt; 0 and x ≥ 0.</summary>
    public static double P(double a, double x) => x <= 0 ? 0 : x < a + 1 ? Series(a, x) : 1 - ContinuedFraction(a, x);

    /// <summary>The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x), for a &gt; 0 and x ≥ 0.</summary>
    public static double Q(double a, double x) => x <= 0 ? 1 : x < a + 1 ? 1 - Series(a, x) : ContinuedFraction(a, x);

    /// <summary>The x with P(a, x) = p, for a &gt; 0 and 0 ≤ p ≤ 1 (0 gives 0 and 1 gives +∞).</summary>
    public static double InverseP(double a, double p)
    {
        if (p <= 0)
            return 0;
        if (p >= 1)
            return double.PositiveInfinity;
        bool upper = p > 0.5;                       // solve on the smaller tail, where the probability is accurate
        double target = upper ? 1 - p : p;
        double logGammaA = LogGamma(a);

        // Wilson–Hilferty start; for small a or a far lower tail the series' leading term, x ≈ (p·Γ(a + 1))^(1/a).
        double z = NormalQuantile(p);
        double c = 1 / (9 * a);
        double x = a * Math.Pow(1 - c + (z * Math.Sqrt(c)), 3);
        if (!(x > 0) || (a < 1 && !upper))
            x = Math.Exp((Math.Log(p) + logGammaA + Math.Log(a)) / a);
        if (!(x > 0) || !double.IsFinite(x))
            x = a;

        double lo = 0, hi = double.PositiveInfinity;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double tail = upper ? Q(a, x) : P(a, x);
            double f = upper ? target - tail : tail - target;       // increasing in x in both cases
            if (f == 0)
                return x;
            if (f > 0) hi = x; else lo = x;
            double density = Math.Exp(((a - 1) * Math.Log(x)) - x - logGammaA);
            double next;
            if (density > 0 && double.IsFinite(density))
            {
                double newton = f / density;
                double halley = newton / (1 - (0.5 * newton * (((a - 1) / x) - 1)));   // Halley: f'' / f' = (a − 1)/x − 1
                next = x - (double.IsFinite(halley) && Math.Abs(halley) < Math.Abs(2 * newton) + 1e-300 ? halley : newton);
            }
            else
            {
                next = double.NaN;
            }
            // Converged when the step is below the spacing of doubles at x; tested before the bracket, because such a step
            // lands on x itself (= lo or hi), which the bracket test would take for a step out of the bracket.
            if (Math.Abs(next - x) <= 1e-15 * x)
                return next;
            if (!(next > lo && next < hi))
                next = double.IsPositiveInfinity(hi) ? Math.Max(2 * x, x + 1) : (lo + hi) / 2;   // bisect when a step leaves the bracket
            if (Math.Abs(next - x) <= 1e-15 * x)
                return next;
            x = next;
        }
        return x;
    }

    /// <summary>The p-quantile of the chi-square distribution with <paramref name="degreesOfFreedom"/> (&gt; 0, need not be whole)
    /// degrees of freedom: 2·P⁻¹(ν/2, p).</summary>
    public static double ChiSquareQuantile(double p, double degreesOfFreedom) => 2 * InverseP(degreesOfFreedom / 2, p);

    /// <summary>The c4(n) bias-correction constant of the sample standard deviation, exactly:
    /// √(2 ÷ (n − 1))·Γ(n/2) ÷ Γ((n − 1)/2), for n ≥ 2 (Montgomery, Introduction to Statistical Quality Control, Appendix VI).</summary>
    public static double C4(double n) => Math.Sqrt(2 / (n - 1)) * Math.Exp(LogGamma(n / 2) - LogGamma((n - 1) / 2));

    /// <summary>The standard normal quantile by Acklam's rational approximation (relative error below 1.2e−9); used only as a
    /// starting point.</summary>
    internal static double NormalQuantile(double p)
    {
        const double Low = 0.02425;
        if (p < Low)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                   / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1);
        }
        if (p > 1 - Low)
            return -NormalQuantile(1 - p);
        double r = p - 0.5, s = r * r;
        return (((((-3.969683028665376e+01 * s + 2.209460984245205e+02) * s - 2.759285104469687e+02) * s + 1.383577518672690e+02) * s - 3.066479806614716e+01) * s + 2.506628277459239e+00) * r
               / (((((-5.447609879822406e+01 * s + 1.615858368580409e+02) * s - 1.556989798598866e+02) * s + 6.680131188771972e+01) * s - 1.328068155288572e+01) * s + 1);
    }

    private static double Prefactor(double a, double x) => Math.Exp((a * Math.Log(x)) - x - LogGamma(a));

    // P(a, x) = e^(−x)·x^a / Γ(a) · Σ x^n / (a(a + 1)…(a + n)), for x < a + 1.
    private static double Series(double a, double x)
    {
        double term = 1 / a, sum = term, ap = a;
        for (int n = 0; n < MaxIterations; n++)
        {
            ap += 1;
            term *= x / ap;
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
                break;
        }
        return Math.Min(1, sum * Prefactor(a, x));
    }

    // Q(a, x) = e^(−x)·x^a / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − …)), for x ≥ a + 1, by modified Lentz.
    private static double ContinuedFraction(double a, double x)
    {
        const double Tiny = 1e-300;
        double b = x + 1 - a, c = 1 / Tiny, d = 1 / b, h = d;
        for (int i = 1; i < MaxIterations; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = b + (an / c);
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
                break;
        }
        return Math.Min(1, Prefactor(a, x) * h);
    }
}
