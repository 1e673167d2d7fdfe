using System.Text.Json;
using PatientCentric.Jobs;

namespace PatientCentric.Cli.Eval;

/// <summary><c>pdc</c>: one patient's PQA Proportion of Days Covered over fills of one class (docs/jobs.md#proportion-of-days-covered-exactly-as-pqa-defines-it).</summary>
internal sealed class PdcMeasure : IEvalMeasure
{
    public string Id => "pdc";

    public string Description => "PQA Proportion of Days Covered for one patient's fills of one drug class, with denominator eligibility and adherence (≥ 0.80).";

    public void Evaluate(RequestObject request, Utf8JsonWriter result)
    {
        var period = RequestValues.Period(request, "measurementPeriod");
        var fillsArray = request.RequiredArray("fills", allowEmpty: true);
        int minimumFills = RequestValues.OptionalInt(request, "minimumFills", 2, 1, 1000);
        bool allowPriorSupply = RequestValues.OptionalBool(request, "allowPriorSupply", false);
        request.RejectUnknownFields();

        var fills = new List<Dispense>();
        foreach (var f in RequestValues.Objects(fillsArray, RequestObject.Child(request.Path, "fills")))
        {
            string drug = RequestValues.NonEmptyString(f.Required("drug"), RequestObject.Child(f.Path, "drug"));
            var date = RequestValues.RequiredDate(f, "dateOfService");
            int supply = RequestObject.WholeNumber(f.Required("daysSupply"), RequestObject.Child(f.Path, "daysSupply"), 1, 100_000);
            f.RejectUnknownFields();
            fills.Add(new Dispense(drug, date, supply));
        }

        var r = ProportionOfDaysCovered.Compute(fills.ToArray(), period, new PdcRules(minimumFills, allowPriorSupply));
        bool computable = r.Pdc is not null;
        result.WriteStartObject();
        result.WriteBoolean("inDenominator", r.InDenominator);
        RequestValues.WriteDate(result, "indexDate", r.IndexDate);
        RequestValues.WriteNumber(result, "treatmentDays", computable ? r.TreatmentDays : null);
        RequestValues.WriteNumber(result, "daysCovered", computable ? r.DaysCovered : null);
        RequestValues.WriteNumber(result, "pdc", r.Pdc);
        if (r.IsAdherent(PdcRules.Pqa.AdherenceThreshold) is { } adherent)
            result.WriteBoolean("adherent", adherent);
        else
            result.WriteNull("adherent");
        result.WriteEndObject();
    }
}
