using System.Text.Json;
using PatientCentric.Jobs;
using PatientCentric.Records;

namespace PatientCentric.Cli.Eval;

/// <summary><c>referral-closure</c>: referral-loop closure at referral level or CMS50 style (docs/jobs.md#referral-loop-closure).</summary>
internal sealed class ReferralClosureMeasure : IEvalMeasure
{
    public string Id => "referral-closure";

    public string Description => "Referral-loop closure: specialist reports received within the window (referral level) or CMS50's patient-based rate, with open loops and their age.";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        string modeText = request.Optional("mode") is { } m ? RequestValues.NonEmptyString(m, RequestObject.Child(request.Path, "mode")) : "referral";
        var mode = modeText switch
        {
            "referral" => ReferralClosureMode.ReferralLevel,
            "cms50" => ReferralClosureMode.Cms50,
            _ => throw new EvalInputException(RequestObject.Child(request.Path, "mode"), "must be \"referral\" or \"cms50\"."),
        };
        var period = RequestValues.Period(request, "measurementPeriod");
        var asOf = RequestValues.OptionalDate(request, "asOf") ?? period.End;
        int window = RequestValues.OptionalInt(request, "windowDays", ReferralLoopClosure.DefaultWindowDays, 0, 365);
        var array = request.RequiredArray("referrals", allowEmpty: true);
        request.RejectUnknownFields();

        var referrals = new List<Referral>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in RequestValues.Objects(array, RequestObject.Child(request.Path, "referrals")))
        {
            string id = RequestValues.NonEmptyString(r.Required("id"), RequestObject.Child(r.Path, "id"));
            if (!ids.Add(id))
                throw new EvalInputException(RequestObject.Child(r.Path, "id"), "duplicate referral id.");
            string patient = r.Optional("patient") is { } p ? RequestValues.NonEmptyString(p, RequestObject.Child(r.Path, "patient"))
                : mode == ReferralClosureMode.Cms50 ? throw new EvalInputException(RequestObject.Child(r.Path, "patient"), "required field is missing (cms50 counts patients).")
                : id;
            var authored = RequestValues.RequiredDate(r, "authoredOn");
            var received = RequestValues.OptionalDate(r, "reportReceivedOn");
            bool closureUnknown = RequestValues.OptionalBool(r, "closureUnknown", false);
            r.RejectUnknownFields();
            if (closureUnknown && received is not null)
                throw new EvalInputException(RequestObject.Child(r.Path, "closureUnknown"), "a referral with a reportReceivedOn date shows that it closed; closureUnknown must be false or left out.");
            referrals.Add(new Referral(id, patient, "eval", "eval", authored, received) { ClosureUnknown = closureUnknown });
        }

        var c = ReferralLoopClosure.Compute(referrals, period, asOf, mode, window);
        result.WriteStartObject();
        result.WriteString("mode", modeText);
        result.WriteNumber("eligible", c.Eligible);
        result.WriteNumber("closed", c.Closed);
        result.WriteNumber("pending", c.Pending);
        RequestValues.WriteNumber(result, "rate", c.Rate);
        result.WriteStartArray("openLoops");
        foreach (var loop in c.OpenLoops)
        {
            result.WriteStartObject();
            result.WriteString("id", loop.ReferralId);
            result.WriteNumber("ageDays", loop.AgeDays);
            result.WriteEndObject();
        }
        result.WriteEndArray();
        result.WriteNumber("closureUnknown", c.ClosureUnknown);
        result.WriteEndObject();
    }
}
