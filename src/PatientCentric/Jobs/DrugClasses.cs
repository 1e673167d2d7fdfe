using System.Collections.Immutable;

namespace PatientCentric.Jobs;

/// <summary>The default ingredient → class table for the three PQA Proportion of Days Covered classes used in CMS Part D
/// Star Ratings: diabetes medications (PDC-DR), renin–angiotensin system antagonists (PDC-RASA) and statins (PDC-STA).</summary>
/// <remarks>
/// <para>Source: Pharmacy Quality Alliance, PDC measure descriptions (pqaalliance.org, PDC-DR, PDC-RASA, PDC-STA) and CMS
/// Part D Star Ratings technical notes, which name the drug classes. PQA's licensed medication tables (NDC lists,
/// combination products, exclusions such as insulin for PDC-DR or sacubitril/valsartan for PDC-RASA) are not
/// reproduced: hosts that report officially supply their own table through configuration and apply the exclusions.</para>
/// <para>Keys are upper-case ingredient names, compared ordinally after upper-casing. Combination products count as each
/// target ingredient they contain (docs/jobs.md#proportion-of-days-covered-exactly-as-pqa-defines-it): the host maps them before calling.</para>
/// </remarks>
public static class DrugClasses
{
    /// <summary>The class key of non-insulin diabetes medications: <c>"diabetes"</c>.</summary>
    public const string Diabetes = "diabetes";

    /// <summary>The class key of RAS antagonists (ACE inhibitors, ARBs, direct renin inhibitors): <c>"ras-antagonists"</c>.</summary>
    public const string RasAntagonists = "ras-antagonists";

    /// <summary>The class key of statins: <c>"statins"</c>.</summary>
    public const string Statins = "statins";

    /// <summary>Gets the default table: ingredient (upper case) → class key.</summary>
    public static ImmutableDictionary<string, string> PqaDefault { get; } = Build();

    private static ImmutableDictionary<string, string> Build()
    {
        var b = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        void Add(string cls, params string[] ingredients)
        {
            foreach (string i in ingredients) b[i] = cls;
        }
        Add(Diabetes,
            "METFORMIN",                                                                  // biguanide
            "GLIPIZIDE", "GLIMEPIRIDE", "GLYBURIDE",                                       // sulfonylureas
            "PIOGLITAZONE", "ROSIGLITAZONE",                                               // thiazolidinediones
            "SITAGLIPTIN", "SAXAGLIPTIN", "LINAGLIPTIN", "ALOGLIPTIN",                     // DPP-4 inhibitors
            "DULAGLUTIDE", "EXENATIDE", "LIRAGLUTIDE", "LIXISENATIDE", "SEMAGLUTIDE",      // GLP-1 receptor agonists
            "NATEGLINIDE", "REPAGLINIDE",                                                  // meglitinides
            "CANAGLIFLOZIN", "DAPAGLIFLOZIN", "EMPAGLIFLOZIN", "ERTUGLIFLOZIN");           // SGLT2 inhibitors
        Add(RasAntagonists,
            "BENAZEPRIL", "CAPTOPRIL", "ENALAPRIL", "FOSINOPRIL", "LISINOPRIL", "MOEXIPRIL", "PERINDOPRIL",
            "QUINAPRIL", "RAMIPRIL", "TRANDOLAPRIL",                                       // ACE inhibitors
            "AZILSARTAN", "CANDESARTAN", "EPROSARTAN", "IRBESARTAN", "LOSARTAN", "OLMESARTAN", "TELMISARTAN",
            "VALSARTAN",                                                                   // ARBs
            "ALISKIREN");                                                                  // direct renin inhibitor
        Add(Statins, "ATORVASTATIN", "FLUVASTATIN", "LOVASTATIN", "PITAVASTATIN", "PRAVASTATIN", "ROSUVASTATIN", "SIMVASTATIN");
        return b.ToImmutable();
    }
}
