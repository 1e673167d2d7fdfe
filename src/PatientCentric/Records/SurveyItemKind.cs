namespace PatientCentric.Records;

/// <summary>How a survey item is scored.</summary>
public enum SurveyItemKind
{
    /// <summary>"How likely are you to recommend…", answered 0–10: scored as a Net Promoter Score (DOMAIN.md §3.1).</summary>
    LikelihoodToRecommend,

    /// <summary>A CAHPS-style report item (Never–Always, No–Yes…): top box, bottom box, linear mean, composites (DOMAIN.md §3.2).</summary>
    Report,

    /// <summary>A 0–10 rating item (such as "rating of provider"): a satisfaction measure (DOMAIN.md §3.2, §9).</summary>
    Rating,
}
