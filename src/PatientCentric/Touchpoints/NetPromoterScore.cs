using System.Numerics;

namespace PatientCentric.Touchpoints;

/// <summary>Computes the Net Promoter Score: the proportion of promoters (answers 9–10) minus the proportion of
/// detractors (answers 0–6), on −1..1 (shown ×100) (docs/touchpoints.md#surveys-nps-and-cahps).</summary>
/// <remarks>Source: Reichheld FF (2003), "The One Number You Need to Grow", Harvard Business Review 81(12).</remarks>
public static class NetPromoterScore
{
    /// <summary>The lowest valid answer: 0.</summary>
    public const int MinAnswer = 0;

    /// <summary>The highest valid answer: 10.</summary>
    public const int MaxAnswer = 10;

    /// <summary>Counts promoters, passives and detractors among <paramref name="answers"/> on the standard 0–10 scale.</summary>
    /// <param name="answers">Valid answers (0–10) to the likelihood-to-recommend question, in any order.</param>
    /// <returns>The result, or <see langword="null"/> when <paramref name="answers"/> is empty (insufficient data).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An answer is outside 0–10; callers exclude those first.</exception>
    public static NpsResult? Compute(ReadOnlySpan<int> answers)
    {
        if (answers.IsEmpty)
            return null;
        CountCategories(answers, out int detractors, out int passives, out int invalid);
        if (invalid > 0)
        {
            foreach (int answer in answers)
            {
                if ((uint)answer > MaxAnswer)
                    throw new ArgumentOutOfRangeException(nameof(answers), answer, "Every answer must be from 0 to 10 inclusive.");
            }
        }
        int promoters = answers.Length - detractors - passives;
        return new NpsResult(promoters, passives, detractors);
    }

    /// <summary>Counts detractors (≤ 6), passives (7–8) and invalid answers (outside 0–10) in one vectorised pass;
    /// negative answers are counted both as detractors and as invalid, so counts are only meaningful when
    /// <paramref name="invalid"/> is 0.</summary>
    private static void CountCategories(ReadOnlySpan<int> answers, out int detractors, out int passives, out int invalid)
    {
        int i = 0;
        detractors = passives = invalid = 0;
        if (Vector.IsHardwareAccelerated && answers.Length >= Vector<int>.Count)
        {
            var six = new Vector<int>(6);
            var eight = new Vector<int>(8);
            var ten = new Vector<uint>(MaxAnswer);
            Vector<int> d = Vector<int>.Zero, p = Vector<int>.Zero, bad = Vector<int>.Zero;
            for (; i <= answers.Length - Vector<int>.Count; i += Vector<int>.Count)
            {
                var v = new Vector<int>(answers.Slice(i));
                var isDetractor = Vector.LessThanOrEqual(v, six);          // lanes are −1 where true
                d -= isDetractor;
                p -= Vector.AndNot(Vector.LessThanOrEqual(v, eight), isDetractor);
                bad -= Vector.AsVectorInt32(Vector.GreaterThan(Vector.AsVectorUInt32(v), ten));
            }
            detractors = Vector.Sum(d);
            passives = Vector.Sum(p);
            invalid = Vector.Sum(bad);
        }
        for (; i < answers.Length; i++)
        {
            int a = answers[i];
            if ((uint)a > MaxAnswer) invalid++;
            if (a <= 6) detractors++;
            else if (a <= 8) passives++;
        }
    }

    /// <summary>Returns the standard error of the difference of two independent scores, <c>√(var₁/n₁ + var₂/n₂)</c>, on −1..1 (docs/touchpoints.md#surveys-nps-and-cahps).</summary>
    /// <param name="first">The first sample's result.</param>
    /// <param name="second">The second sample's result.</param>
    /// <returns>The standard error of <c>first.Score − second.Score</c>.</returns>
    public static double StandardErrorOfDifference(NpsResult first, NpsResult second) =>
        Math.Sqrt((first.Variance / first.N) + (second.Variance / second.N));
}
