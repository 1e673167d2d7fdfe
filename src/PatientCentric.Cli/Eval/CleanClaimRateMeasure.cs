using System.Text.Json;
using PatientCentric.Records;
using PatientCentric.Touchpoints;

namespace PatientCentric.Cli.Eval;

/// <summary><c>clean-claim-rate</c>: clean-claim rate by first submission and initial denial rate by remittance date (docs/touchpoints/billing.md).</summary>
internal sealed class CleanClaimRateMeasure : IEvalMeasure
{
    public string Id => "clean-claim-rate";

    public string Description => "Clean-claim rate (passed every edit, no manual intervention, by first submission; claims with unknown edits left out) and initial denial rate (by first adjudication).";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var period = RequestValues.Period(request, "measurementPeriod");
        var array = request.RequiredArray("claims");
        request.RejectUnknownFields();
        var claims = new List<Claim>();
        foreach (var c in RequestValues.Objects(array, RequestObject.Child(request.Path, "claims")))
        {
            string id = c.Optional("id") is { } i ? RequestValues.NonEmptyString(i, RequestObject.Child(c.Path, "id")) : $"c{claims.Count}";
            var submitted = RequestValues.RequiredDate(c, "firstSubmittedOn");
            // An edit result the source does not record (FHIR) is absent, not clean or unclean: with editsUnknown the claim
            // leaves the clean-claim rate, and passedEditsWithoutIntervention may be left out (if given, it is a stand-in).
            bool editsUnknown = RequestValues.OptionalBool(c, "editsUnknown", false);
            string cleanPath = RequestObject.Child(c.Path, "passedEditsWithoutIntervention");
            bool passed = false;
            if (c.Optional("passedEditsWithoutIntervention") is { } cleanElement)
            {
                if (cleanElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    throw new EvalInputException(cleanPath, $"expected true or false, got {RequestObject.Describe(cleanElement)}.");
                passed = cleanElement.GetBoolean();
            }
            else if (!editsUnknown)
            {
                throw new EvalInputException(cleanPath, "required field is missing.");
            }
            var adjudicated = RequestValues.OptionalDate(c, "adjudicatedOn");
            bool? denied = c.Optional("deniedAtFirstAdjudication") is { } d
                ? d.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw new EvalInputException(RequestObject.Child(c.Path, "deniedAtFirstAdjudication"), $"expected true or false, got {RequestObject.Describe(d)}."),
                }
                : null;
            c.RejectUnknownFields();
            if (adjudicated is { } a && a < submitted)
                throw new EvalInputException(RequestObject.Child(c.Path, "adjudicatedOn"), "the claim is adjudicated before its first submission.");
            if ((adjudicated is null) != (denied is null))
                throw new EvalInputException(RequestObject.Child(c.Path, adjudicated is null ? "adjudicatedOn" : "deniedAtFirstAdjudication"),
                    "adjudicatedOn and deniedAtFirstAdjudication go together: give both or neither.");
            claims.Add(new Claim(id, "eval", "eval", submitted, passed, adjudicated, denied, 0m) { EditsUnknown = editsUnknown });
        }
        var r = ClaimRates.Count(claims, period);
        result.WriteStartObject();
        result.WriteNumber("submitted", r.Submitted);
        result.WriteNumber("clean", r.Clean);
        RequestValues.WriteNumber(result, "cleanClaimRate", r.CleanClaimRate);
        result.WriteNumber("adjudicated", r.Adjudicated);
        result.WriteNumber("denied", r.Denied);
        RequestValues.WriteNumber(result, "initialDenialRate", r.InitialDenialRate);
        result.WriteNumber("editsUnknown", r.EditsUnknown);
        result.WriteEndObject();
    }
}
