namespace PatientCentric.Touchpoints;

/// <summary>Star ratings from linear mean scores (docs/touchpoints.md#surveys-nps-and-cahps): a score earns one star plus one for every cut point it
/// reaches, so four ascending cut points give 1 to 5 stars.</summary>
/// <remarks>CMS derives HCAHPS star cut points each quarter by clustering national linear mean scores and requires at
/// least 100 completed surveys over four quarters; neither the national data nor the clustering is reproducible here,
/// so the host supplies the cut points (for example CMS's published ones) and the minimum.</remarks>
public static class StarRating
{
    /// <summary>The completed surveys CMS requires for an HCAHPS star rating: 100 over four quarters.</summary>
    public const int CmsMinimumSurveys = 100;

    /// <summary>Assigns stars to a linear mean score.</summary>
    /// <param name="linearMean">The score, 0 to 100.</param>
    /// <param name="cutPoints">Four strictly ascending cut points on 0..100: reaching the k-th gives k + 1 stars.</param>
    /// <param name="surveys">The completed surveys behind the score.</param>
    /// <param name="minimumSurveys">The surveys needed for a rating; the default is CMS's 100.</param>
    /// <returns>1 to 5 stars, or <see langword="null"/> with fewer surveys than the minimum.</returns>
    /// <exception cref="ArgumentException">There are not exactly four strictly ascending cut points within 0..100.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="linearMean"/> is outside 0..100.</exception>
    public static int? Assign(double linearMean, ReadOnlySpan<double> cutPoints, int surveys, int minimumSurveys = CmsMinimumSurveys)
    {
        if (cutPoints.Length != 4)
            throw new ArgumentException("Give exactly four cut points for five stars.", nameof(cutPoints));
        for (int i = 0; i < 4; i++)
        {
            if (!(cutPoints[i] is >= 0 and <= 100) || (i > 0 && cutPoints[i] <= cutPoints[i - 1]))
                throw new ArgumentException("Cut points must be strictly ascending and within 0..100.", nameof(cutPoints));
        }
        if (!(linearMean is >= 0 and <= 100))
            throw new ArgumentOutOfRangeException(nameof(linearMean), linearMean, "A linear mean score is from 0 to 100 inclusive.");
        if (surveys < minimumSurveys)
            return null;
        int stars = 1;
        foreach (double cut in cutPoints)
        {
            if (linearMean >= cut) stars++;
        }
        return stars;
    }
}
