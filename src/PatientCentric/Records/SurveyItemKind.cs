namespace PatientCentric.Records;

/// <summary>How a survey item is scored.</summary>
public enum SurveyItemKind
{
    /// <summary>"How likely are you to recommend…", answered 0–10: scored as a Net Promoter Score (docs/touchpoints.md#surveys-nps-and-cahps).</summary>
    LikelihoodToRecommend,

    /// <summary>A CAHPS-style report item (Never–Always, No–Yes…): top box, bottom box, linear mean, composites (docs/touchpoints.md#surveys-nps-and-cahps).</summary>
    Report,

    /// <summary>A 0–10 rating item (such as "rating of provider"): a satisfaction measure (docs/touchpoints.md#surveys-nps-and-cahps, docs/guardrails.md).</summary>
    Rating,
}
