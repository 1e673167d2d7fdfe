using System.Globalization;
using PatientCentric.Fhir;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Cli.Report;

/// <summary>The "Data read from FHIR" section: what was read, set aside, assumed and skipped, in plain words.</summary>
internal static partial class HtmlReport
{
    /// <summary>How many file references each problem table shows; data-quality.json lists more.</summary>
    private const int ProblemRowsShown = 5;

    private static void WriteFhirInput(Page p, FhirInput? fhir, DataCensus data)
    {
        if (fhir is null)
            return;
        var q = fhir.Quality;
        int files = fhir.Files.Count;
        p.Section("fhir-input", "Data read from FHIR");
        p.Raw("<p>").Text($"This report was made from FHIR records: {N(q.ResourcesRead)} {Plural(q.ResourcesRead, "record", "records")} in {N(files)} {Plural(files, "file", "files")}. " +
                          "Below is what was set aside, what had to be assumed and what could not be used. Every score on this page rests only on the records that were used.").Raw("</p>\n");

        p.Raw("<h3>What was read</h3>\n<ul>\n");
        p.Raw("<li>").Text(q.DuplicatesReplaced == 0
            ? "No record appeared twice."
            : $"{N(q.DuplicatesReplaced)} {Plural(q.DuplicatesReplaced, "record was a repeat", "records were repeats")} of another with the same kind and id: only the latest version of each was kept.").Raw("</li>\n");
        if (q.Retracted > 0)
            p.Raw("<li>").Text($"{N(q.Retracted)} {Plural(q.Retracted, "record was", "records were")} withdrawn: the latest version is marked entered in error, or no longer has a status this report scores, so the earlier versions were not used either.").Raw("</li>\n");
        int ignored = q.ResourcesIgnored.Values.Sum();
        if (ignored == 0)
            p.Raw("<li>").Text("Every record was of a kind this report uses.").Raw("</li>\n");
        else
            p.Raw("<li>").Text($"{N(ignored)} {Plural(ignored, "record is", "records are")} of kinds this report does not use, and {Plural(ignored, "was", "were")} set aside (expected, not an error): " +
                               string.Join(", ", q.ResourcesIgnored.Select(t => $"{t.Key} {N(t.Value)}")) + ".").Raw("</li>\n");
        p.Raw("</ul>\n");

        p.Raw("<h3>What had to be assumed</h3>\n<ul>\n");
        bool assumed = false;
        // These counts are of patients' visits, fills and claims: 1–10 show as <11 (so always in the plural).
        if (q.BookingInstantUnknown > 0)
        {
            assumed = true;
            int visitsOnly = data.VisitsOnly;
            string text = visitsOnly == q.BookingInstantUnknown
                ? $"{CardText.Count(q.BookingInstantUnknown)} visits have no booking time, so they are left out of appointment lead time (the days from booking to the visit). " +
                  "They were recorded as visits without an appointment: a visit that took place cannot show a no-show or a cancellation, so they are also left out of the no-show and cancellation rates."
                : $"{CardText.Count(q.BookingInstantUnknown)} visits or appointments have no booking time, so they are left out of appointment lead time (the days from booking to the visit)." +
                  (visitsOnly > 0
                      ? $" {(SmallCellRule.IsSuppressed(visitsOnly) ? "Some" : CardText.Count(visitsOnly))} of them were recorded as visits without an appointment: a visit that took place cannot show a no-show or a cancellation, so these are also left out of the no-show and cancellation rates."
                      : "");
            p.Raw("<li>").Text(text).Raw("</li>\n");
        }
        if (q.DerivedFills > 0)
        {
            assumed = true;
            p.Raw("<li>").Text($"{CardText.Count(q.DerivedFills)} medication fills were worked out from prescriptions, because no record of the medicine being handed over was found: " +
                               "they show what was prescribed, not what was collected, so medication adherence may look better than it is.").Raw("</li>\n");
        }
        if (q.ClaimsWithoutResponse > 0)
        {
            assumed = true;
            p.Raw("<li>").Text($"{CardText.Count(q.ClaimsWithoutResponse)} claims have no reply from the payer yet: they count as pending, so the share of claims denied at first does not include them yet.").Raw("</li>\n");
        }
        if (data.Claims > 0)
        {
            assumed = true;
            p.Raw("<li>").Text("FHIR does not record whether a claim passed the billing checks before submission, so the clean-claim rate is not shown (not applicable) rather than guessed.").Raw("</li>\n");
        }
        if (q.ReferralClosureUnknown > 0)
        {
            assumed = true;
            p.Raw("<li>").Text($"{CardText.Count(q.ReferralClosureUnknown)} referrals come from records that hold no task or report at all, so nothing shows whether the patient was seen: referral closure leaves them out instead of counting them as open.").Raw("</li>\n");
        }
        if (!assumed)
            p.Raw("<li>").Text("Nothing: every visit has a booking time, every medication fill a record of being handed over, and every claim a reply from the payer.").Raw("</li>\n");
        p.Raw("</ul>\n");

        p.Raw("<h3>What could not be used</h3>\n");
        if (q.Issues.IsEmpty)
        {
            p.Raw("<p>").Text("Every record of a kind this report uses could be read and used.").Raw("</p>\n");
        }
        else
        {
            p.Raw("<p>").Text($"{N(q.Issues.Length)} {Plural(q.Issues.Length, "record", "records")} could not be used. Each was skipped and counted: nothing from {Plural(q.Issues.Length, "it", "them")} is in any score, " +
                              "and nothing was filled in with zero. A measure left with too few records says \"insufficient data\" instead of showing a number. " +
                              "Whoever produced the files can find each record from the file number and its place in the file, below.").Raw("</p>\n");
            foreach (var (code, issues) in fhir.IssuesByCode)
            {
                p.Raw("<h4>").Text($"{FhirQualityText.Title(code)}: {N(issues.Length)}").Raw(" <code>").Text(DataQualityJson.CodeName(code)).Raw("</code></h4>\n");
                p.Raw("<p>").Text(FhirQualityText.Plain(code)).Raw("</p>\n");
                p.Raw("<table class=\"problems\">\n<thead><tr><th>File (in reading order)</th><th>Where in the file</th><th>Kind of record</th><th>Detail (FHIR field)</th></tr></thead>\n<tbody>\n");
                foreach (var issue in issues.AsSpan(0, Math.Min(issues.Length, ProblemRowsShown)))
                {
                    string where = issue.Line > 0
                        ? string.Create(CultureInfo.InvariantCulture, $"{FhirInputFiles.LineWord(issue.FileName)} {issue.Line:N0}")
                        : "the whole file";
                    p.Raw("<tr><td>").Text(fhir.Files.Describe(issue.FileName)).Raw("</td><td>").Text(where)
                     .Raw("</td><td>").Text(issue.ResourceType ?? "unknown").Raw("</td><td>").Text(issue.Field ?? "—").Raw("</td></tr>\n");
                }
                p.Raw("</tbody>\n</table>\n");
                if (issues.Length > ProblemRowsShown)
                    p.Raw("<p class=\"small\">").Text($"…and {N(issues.Length - ProblemRowsShown)} more; data-quality.json lists the first {DataQualityJson.IssuesPerCode} of each kind.").Raw("</p>\n");
            }
        }

        var notes = new List<string>();
        if (!q.Issues.IsEmpty)
            notes.Add("Files are numbered in the order they were read: by name, in plain byte order (LC_ALL=C ls lists them in this order). " +
                      "File names are not shown because some systems (such as Synthea) name each file after the patient.");
        if (assumed)
            notes.Add("Counts of records and problems in the files are exact; counts of visits, fills and claims from 1 to 10 show as <11, as elsewhere on this page.");
        notes.Add(q.Issues.IsEmpty
            ? $"{DataQualityJson.FileName}, next to this page, has every count exactly."
            : $"{DataQualityJson.FileName}, next to this page, has every count exactly and the first {DataQualityJson.IssuesPerCode} problems of each kind.");
        p.Raw("<p class=\"small\">").Text(string.Join(" ", notes)).Raw("</p>\n</section>\n");
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Plural(int n, string one, string many) => n == 1 ? one : many;
}
