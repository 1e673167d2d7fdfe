using PatientCentric.Control;

namespace PatientCentric.Tests.Control;

public sealed class GammaFunctionsTests
{
    [Theory]
    // NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.4 "Critical values of the chi-square distribution" (3 decimals):
    // upper-tail critical values are the (1 − α) quantiles, lower-tail ones the α quantiles.
    [InlineData(0.95, 1, 3.841)]
    [InlineData(0.99, 1, 6.635)]
    [InlineData(0.999, 1, 10.828)]
    [InlineData(0.975, 10, 20.483)]
    [InlineData(0.025, 10, 3.247)]
    [InlineData(0.05, 10, 3.940)]
    [InlineData(0.999, 5, 20.515)]
    [InlineData(0.95, 30, 43.773)]
    [InlineData(0.025, 20, 9.591)]
    [InlineData(0.975, 22, 36.781)]
    [InlineData(0.01, 100, 70.065)]
    public void ChiSquareQuantile_MatchesThePublishedTable(double p, double df, double expected) =>
        Assert.Equal(expected, GammaFunctions.ChiSquareQuantile(p, df), 0.0005);

    [Theory]
    // Large shapes (funnel limits at an expected count of ~2,365): the Newton step falls below the spacing of doubles at x
    // and must count as converged, not as a step out of the bracket (which once sent the search to 2x). mpmath, 40 digits.
    [InlineData(2365.06723791204, 0.001, 2217.6283671467811506)]
    [InlineData(2366.06723791204, 0.999, 2519.237227794967231)]
    public void InverseP_LargeShape_MatchesMpmath(double a, double p, double expected) =>
        Assert.Equal(expected, GammaFunctions.InverseP(a, p), expected * 1e-12);

    [Theory]
    [InlineData(1e-6)]
    [InlineData(0.001)]
    [InlineData(0.025)]
    [InlineData(0.5)]
    [InlineData(0.975)]
    [InlineData(0.999)]
    public void ChiSquareQuantile_TwoDegreesOfFreedom_IsMinusTwoLogOneMinusP(double p)
    {
        // With 2 degrees of freedom the distribution is exponential: χ²(p; 2) = −2·ln(1 − p), exactly; for small p the series
        // 2·Σ p^k/k avoids the cancellation in 1 − p.
        double expected = p < 0.01 ? 2 * Enumerable.Range(1, 12).Sum(k => Math.Pow(p, k) / k) : -2 * Math.Log(1 - p);
        Assert.Equal(expected, GammaFunctions.ChiSquareQuantile(p, 2), expected * 1e-12);
    }

    [Theory]
    [InlineData(0.95, 1.959963984540054)]
    [InlineData(0.998, 3.090232306167814)]
    public void ChiSquareQuantile_OneDegreeOfFreedom_IsTheSquaredNormalQuantile(double p, double z)
    {
        // χ²(p; 1) = z²((1 + p)/2); z(0.975) and z(0.999) to 16 digits (Abramowitz & Stegun table 26.5 / R qnorm).
        Assert.Equal(z * z, GammaFunctions.ChiSquareQuantile(p, 1), z * z * 1e-10);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(100)]
    public void InverseP_WholeShape_InvertsTheErlangSum(int a)
    {
        // For whole a, Q(a, x) = Σ_{j<a} e^(−x)·x^j / j! (the Poisson–gamma identity), computed here independently, each term
        // in log space so that e^(−1000) does not underflow.
        foreach (double p in (double[])[0.001, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999])
        {
            double x = GammaFunctions.InverseP(a, p);
            double q = 0, logFactorial = 0;
            for (int j = 0; j < a; j++)
            {
                if (j > 0)
                    logFactorial += Math.Log(j);
                q += Math.Exp(-x + (j * Math.Log(x)) - logFactorial);
            }
            double tail = p > 0.5 ? 1 - p : p, computed = p > 0.5 ? q : 1 - q;
            Assert.Equal(tail, computed, tail * 1e-9);
        }
    }

    [Theory]
    // Reference inverses computed independently by bisection on mpmath 1.3's gammainc at 40 significant digits.
    [InlineData(1000, 0.001, 905.12079093497662)]
    [InlineData(1000, 0.999, 1100.5780982933146)]
    [InlineData(100000, 0.001, 99025.631890500918)]
    [InlineData(10.5, 0.975, 17.739437952863627)]
    [InlineData(0.05, 0.025, 5.3156618899142811e-33)]
    [InlineData(0.05, 0.999, 2.7364585987286762)]
    [InlineData(3.7, 0.5, 3.3725380132364147)]
    public void InverseP_MatchesArbitraryPrecisionValues_To1e10Relative(double a, double p, double expected) =>
        Assert.Equal(expected, GammaFunctions.InverseP(a, p), expected * 1e-10);

    [Theory]
    // Montgomery, Introduction to Statistical Quality Control (7th ed.), Appendix VI, c4 (4 decimals).
    [InlineData(2, 0.7979)]
    [InlineData(3, 0.8862)]
    [InlineData(5, 0.9400)]
    [InlineData(10, 0.9727)]
    [InlineData(25, 0.9896)]
    public void C4_MatchesMontgomerysTable(int n, double expected) => Assert.Equal(expected, SpcChart.C4(n), 0.00005);

    [Fact]
    public void C4_OfTwo_IsRootTwoOverPi() => Assert.Equal(Math.Sqrt(2 / Math.PI), SpcChart.C4(2), 1e-14);

    [Fact]
    public void LogGamma_MatchesFactorials()
    {
        Assert.Equal(Math.Log(3628800), GammaFunctions.LogGamma(11), 1e-12);        // 10!
        Assert.Equal(0.5 * Math.Log(Math.PI), GammaFunctions.LogGamma(0.5), 1e-13);  // Γ(½) = √π
    }
}
