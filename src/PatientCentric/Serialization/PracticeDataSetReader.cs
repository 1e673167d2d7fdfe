using System.Collections.Immutable;
using System.Text.Json;
using PatientCentric.Records;
using PatientCentric.Touchpoints;

namespace PatientCentric.Serialization;

/// <summary>Reads a <see cref="PracticeDataSet"/> from JSON in the documented input schema (docs/data-model.md) and
/// checks what the schema requires, collecting every problem before failing.</summary>
/// <remarks>Structural problems (malformed JSON, unknown fields, wrong types, missing fields, references to unknown
/// service lines or survey items, duplicate ids) are errors. Values that break a measure's rule (an appointment that
/// starts before it was booked) are not: the scorers exclude and count them (docs/measures.md#conventions).</remarks>
public static partial class PracticeDataSetReader
{
    /// <summary>Reads and checks a data set.</summary>
    /// <param name="utf8Json">The JSON, UTF-8 encoded.</param>
    /// <param name="sourceName">The file or stream name used in error messages.</param>
    /// <returns>The data set.</returns>
    /// <exception cref="PatientCentricDataException">The data cannot be read or breaks the schema; every problem is listed.</exception>
    public static PracticeDataSet Read(Stream utf8Json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(sourceName);
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            utf8Json.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        // One strict path: a BOM is skipped; invalid UTF-8, lone surrogate escapes and repeated fields are refused.
        var json = StrictJsonText.WithoutBom(bytes);
        if (StrictJsonText.Check(json.Span, MaxDepth) is { } problem)
            throw new PatientCentricDataException([new DataError(problem.Code, sourceName, problem.Line, problem.Path, problem.Message)]);
        // Every schema problem, with its line, before the serializer (which stops at the first) runs.
        var walker = SchemaWalker.Walk(json.Span, PatientCentricJsonContext.Default.PracticeDataSet, sourceName, MaxDepth);
        if (walker.Errors.Count > 0)
            throw new PatientCentricDataException([.. walker.Errors]);
        PracticeDataSet? data;
        try
        {
            data = JsonSerializer.Deserialize(json.Span, PatientCentricJsonContext.Default.PracticeDataSet);
        }
        catch (JsonException e)
        {
            throw new PatientCentricDataException([FromJsonException(e, sourceName)]);
        }
        catch (ArgumentException e)
        {
            // A record's constructor refused a value the schema allows (a period that ends before it starts).
            bool period = e.ParamName is "end" or "start" || e.Message.Contains("period", StringComparison.OrdinalIgnoreCase);
            throw new PatientCentricDataException([period
                ? new DataError("PC0109", sourceName, walker.LineOf("$.period"), "$.period", "the period's end is before its start.")
                : new DataError("PC0100", sourceName, null, "$", $"a value is out of range: {WithoutParameter(e)}")]);
        }
        if (data is null)
            throw new PatientCentricDataException([new DataError("PC0103", sourceName, null, "$", "the document is null; expected a data set object.")]);
        var errors = Check(data, sourceName, walker);
        return errors.IsEmpty ? data : throw new PatientCentricDataException(errors);
    }

    private const int MaxDepth = 64;

    private static string WithoutParameter(ArgumentException e) =>
        e.ParamName is { } p ? e.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal) : e.Message;

    internal static DataError FromJsonException(JsonException e, string source)
    {
        string message = e.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut >= 0)
            message = message[..cut];
        if (message.StartsWith('\'')) // malformed JSON: the parser quotes a piece of the input, which can be a name
            message = StrictJsonText.SyntaxReason(message) + ".";
        string code = "PC0100";
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            code = "PC0101";
            message = "unknown field; check its spelling against docs/data-model.md.";
        }
        else if (message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal))
        {
            message = $"wrong type: expected {FriendlyType(message["The JSON value could not be converted to ".Length..].TrimEnd('.'))}.";
        }
        else if (message.Contains("missing required properties", StringComparison.Ordinal) || message.Contains("was missing required properties", StringComparison.Ordinal))
        {
            code = "PC0103";
        }
        long? line = e.LineNumber is { } l ? l + 1 : null;
        return new DataError(code, source, line, e.Path ?? "$", message);
    }

    private static string FriendlyType(string clrType) => clrType switch
    {
        "System.String" => "a string",
        "System.Int32" => "a whole number",
        "System.Decimal" or "System.Double" => "a number",
        "System.Boolean" => "true or false",
        "System.DateOnly" => "a date \"yyyy-MM-dd\"",
        "System.DateTimeOffset" => "a date-time with a UTC offset",
        _ when clrType.StartsWith("System.Nullable`1[[System.DateOnly", StringComparison.Ordinal) => "a date \"yyyy-MM-dd\" or null",
        _ when clrType.StartsWith("System.Nullable`1[[System.DateTimeOffset", StringComparison.Ordinal) => "a date-time with a UTC offset, or null",
        _ when clrType.StartsWith("System.Nullable`1[[System.Boolean", StringComparison.Ordinal) => "true, false or null",
        _ when clrType.StartsWith("System.Collections.Immutable.ImmutableArray", StringComparison.Ordinal) => "an array",
        _ when clrType.StartsWith("PatientCentric.", StringComparison.Ordinal) && !clrType.Contains('[', StringComparison.Ordinal) => $"one of the {clrType[(clrType.LastIndexOf('.') + 1)..]} values or an object as documented",
        _ => clrType,
    };

    private static ImmutableArray<DataError> Check(PracticeDataSet d, string source, SchemaWalker walker)
    {
        var errors = ImmutableArray.CreateBuilder<DataError>();
        void Error(string code, string path, string message) => errors.Add(new DataError(code, source, walker.LineOf(path), path, message));
        void Required(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
                Error("PC0103", path, "required; must be a non-empty string.");
        }

        if (d.SchemaVersion != PracticeDataSet.CurrentSchemaVersion)
            Error("PC0102", "$.schemaVersion", $"this library reads schema version {PracticeDataSet.CurrentSchemaVersion}.");
        Required(d.PracticeName, "$.practiceName");
        Required(d.TimeZone, "$.timeZone");
        if (!string.IsNullOrWhiteSpace(d.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(d.TimeZone, out _))
            Error("PC0108", "$.timeZone", "not a known IANA time zone (for example \"America/Chicago\").");

        var lines = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < d.ServiceLines.Length; i++)
        {
            var s = d.ServiceLines[i];
            if (s is null) { Error("PC0103", $"$.serviceLines[{i}]", "must be an object, not null."); continue; }
            Required(s.Key, $"$.serviceLines[{i}].key");
            Required(s.Name, $"$.serviceLines[{i}].name");
            if (s.Key is not null && !lines.Add(s.Key))
                Error("PC0107", $"$.serviceLines[{i}].key", "duplicate service-line key.");
        }
        void ServiceLineRef(string? key, string path)
        {
            Required(key, path);
            if (!string.IsNullOrWhiteSpace(key) && !lines.Contains(key))
                Error("PC0104", path, "names no service line declared in $.serviceLines.");
        }
        void UniqueIds<T>(ImmutableArray<T> items, Func<T, string?> id, string name)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < items.Length; i++)
            {
                if (items[i] is null) { Error("PC0103", $"$.{name}[{i}]", "must be an object, not null."); continue; }
                string? value = id(items[i]);
                Required(value, $"$.{name}[{i}].id");
                if (!string.IsNullOrWhiteSpace(value) && !seen.Add(value))
                    Error("PC0107", $"$.{name}[{i}].id", "duplicate id.");
            }
        }

        UniqueIds(d.Appointments, a => a.Id, "appointments");
        for (int i = 0; i < d.Appointments.Length; i++)
        {
            var a = d.Appointments[i];
            if (a is null) continue;
            Required(a.PatientKey, $"$.appointments[{i}].patientKey");
            ServiceLineRef(a.ServiceLine, $"$.appointments[{i}].serviceLine");
            if (a.Outcome != AppointmentOutcome.Cancelled && (a.CancelledAt is not null || a.CancelledBy is not null))
                Error("PC0110", $"$.appointments[{i}].cancelledAt", "cancellation fields are only allowed when the outcome is Cancelled.");
        }

        var items = new Dictionary<string, SurveyItem>(StringComparer.Ordinal);
        for (int i = 0; i < d.SurveyItems.Length; i++)
        {
            var item = d.SurveyItems[i];
            string path = $"$.surveyItems[{i}]";
            if (item is null) { Error("PC0103", path, "must be an object, not null."); continue; }
            Required(item.Key, $"{path}.key");
            Required(item.Text, $"{path}.text");
            if (item.Key is not null && !items.TryAdd(item.Key, item))
                Error("PC0107", $"{path}.key", "duplicate survey-item key.");
            try
            {
                var scale = CahpsScale.Create(item.Categories);
                if (item.Kind is SurveyItemKind.LikelihoodToRecommend or SurveyItemKind.Rating && scale.Kind != CahpsScaleKind.Rating0To10)
                    Error("PC0105", $"{path}.categories", $"a {item.Kind} item must have exactly the categories \"0\"..\"10\".");
            }
            catch (ArgumentException e)
            {
                Error("PC0105", $"{path}.categories", e.Message[..(e.Message.IndexOf(" (Parameter", StringComparison.Ordinal) is int k and >= 0 ? k : e.Message.Length)]);
            }
        }

        UniqueIds(d.SurveyReturns, r => r.Id, "surveyReturns");
        for (int i = 0; i < d.SurveyReturns.Length; i++)
        {
            var r = d.SurveyReturns[i];
            if (r is null) continue;
            Required(r.PatientKey, $"$.surveyReturns[{i}].patientKey");
            ServiceLineRef(r.ServiceLine, $"$.surveyReturns[{i}].serviceLine");
            // The key is host data: name its position among the return's answers, never its text.
            var order = walker.MapKeys.GetValueOrDefault($"$.surveyReturns[{i}].answers") ?? [.. r.Answers.Keys];
            for (int k = 0; k < order.Count; k++)
            {
                if (!items.ContainsKey(order[k]))
                    Error("PC0106", $"$.surveyReturns[{i}].answers[field {k + 1}]", "answers an item that $.surveyItems does not declare.");
            }
        }

        UniqueIds(d.MedicationFills, f => f.Id, "medicationFills");
        for (int i = 0; i < d.MedicationFills.Length; i++)
        {
            if (d.MedicationFills[i] is not { } f) continue;
            Required(f.PatientKey, $"$.medicationFills[{i}].patientKey");
            Required(f.Drug, $"$.medicationFills[{i}].drug");
        }
        UniqueIds(d.Referrals, r => r.Id, "referrals");
        for (int i = 0; i < d.Referrals.Length; i++)
        {
            if (d.Referrals[i] is not { } r) continue;
            Required(r.PatientKey, $"$.referrals[{i}].patientKey");
            ServiceLineRef(r.ServiceLine, $"$.referrals[{i}].serviceLine");
            Required(r.Specialty, $"$.referrals[{i}].specialty");
        }
        UniqueIds(d.Claims, c => c.Id, "claims");
        for (int i = 0; i < d.Claims.Length; i++)
        {
            if (d.Claims[i] is not { } c) continue;
            Required(c.PatientKey, $"$.claims[{i}].patientKey");
            ServiceLineRef(c.ServiceLine, $"$.claims[{i}].serviceLine");
        }
        UniqueIds(d.Jobs, j => j.Id, "jobs");
        for (int i = 0; i < d.Jobs.Length; i++)
        {
            if (d.Jobs[i] is not { } j) continue;
            Required(j.PatientKey, $"$.jobs[{i}].patientKey");
            ServiceLineRef(j.ServiceLine, $"$.jobs[{i}].serviceLine");
            if (j.Kind == Jobs.PatientJobKind.HostDefined)
                Required(j.HostKind, $"$.jobs[{i}].hostKind");
        }
        UniqueIds(d.PortalThreads, t => t.Id, "portalThreads");
        for (int i = 0; i < d.PortalThreads.Length; i++)
        {
            if (d.PortalThreads[i] is not { } t) continue;
            Required(t.PatientKey, $"$.portalThreads[{i}].patientKey");
            ServiceLineRef(t.ServiceLine, $"$.portalThreads[{i}].serviceLine");
        }
        for (int i = 0; i < d.OpeningHours.Length; i++)
        {
            if (d.OpeningHours[i].Closes <= d.OpeningHours[i].Opens)
                Error("PC0111", $"$.openingHours[{i}].closes", "an opening interval must close after it opens, on the same day.");
        }
        for (int i = 0; i < d.ClinicianRatings.Length; i++)
        {
            if (d.ClinicianRatings[i] is not { } r) { Error("PC0103", $"$.clinicianRatings[{i}]", "must be an object, not null."); continue; }
            Required(r.PatientKey, $"$.clinicianRatings[{i}].patientKey");
        }
        for (int i = 0; i < d.Barriers.Length; i++)
        {
            if (d.Barriers[i] is not { } b) { Error("PC0103", $"$.barriers[{i}]", "must be an object, not null."); continue; }
            Required(b.PatientKey, $"$.barriers[{i}].patientKey");
        }
        // The assumption monitors' inputs: every KPI series and binding names its keys, and a KPI value stays within
        // ±1e100, so the XmR limits of the monitors cannot overflow (the same bound as eval's IPA values).
        for (int i = 0; i < d.KpiSeries.Length; i++)
        {
            if (d.KpiSeries[i] is not { } k) { Error("PC0103", $"$.kpiSeries[{i}]", "must be an object, not null."); continue; }
            Required(k.Key, $"$.kpiSeries[{i}].key");
            for (int j = 0; j < k.Points.Length; j++)
            {
                if (!(Math.Abs(k.Points[j].Value) <= 1e100))
                    Error("PC0100", $"$.kpiSeries[{i}].points[{j}].value", "must be a finite number between -1e100 and 1e100.");
            }
        }
        for (int i = 0; i < d.AssumptionBindings.Length; i++)
        {
            if (d.AssumptionBindings[i] is not { } a) { Error("PC0103", $"$.assumptionBindings[{i}]", "must be an object, not null."); continue; }
            Required(a.StakeholderKey, $"$.assumptionBindings[{i}].stakeholderKey");
            Required(a.CriterionKey, $"$.assumptionBindings[{i}].criterionKey");
            Required(a.SeriesKey, $"$.assumptionBindings[{i}].seriesKey");
        }
        if (d.PrimaryCustomer is { } customers)
        {
            // The stakeholders, criteria and assessments every strategy reads: a null, repeated or unknown key, a criterion
            // without a valid scale, an assessment off the table. Strategy-specific requirements are checked when deciding.
            try
            {
                Customers.AssessmentTable.Read(customers, requireSalience: false, requireCriteria: false);
                if (!customers.CriteriaJudgements.IsEmpty)
                    Customers.PairwiseComparisonMatrix.FromJudgements(customers.Criteria.Select(c => c?.Key ?? ""), customers.CriteriaJudgements);
            }
            catch (ArgumentException e)
            {
                Error("PC0112", "$.primaryCustomer", WithoutParameter(e));
            }
        }
        return errors.ToImmutable();
    }
}
