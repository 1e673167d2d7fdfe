using System.Collections.Immutable;
using System.Runtime.InteropServices;
using PatientCentric.Jobs;
using PatientCentric.Scoring;

namespace PatientCentric.Records;

/// <summary>A practice's data as adapters produce it: the input of every touchpoint scorer and, grouped by patient,
/// of every job scorer (docs/data-model.md). The JSON input schema of <c>patientcentric report --input</c> (docs/data-model.md).</summary>
/// <remarks>Immutable. Collections that are absent are empty, never <see langword="null"/>.</remarks>
/// <param name="SchemaVersion">The input schema's version; this library reads version 1.</param>
/// <param name="PracticeName">The practice's display name.</param>
/// <param name="TimeZone">The practice's IANA time zone, such as <c>"America/Chicago"</c>; all date arithmetic uses it.</param>
/// <param name="Period">The measurement period the data covers, or <see langword="null"/> to let the caller choose.</param>
/// <param name="ServiceLines">The service lines.</param>
/// <param name="Appointments">Booked appointments and their visits.</param>
/// <param name="SurveyItems">The survey's items.</param>
/// <param name="SurveyReturns">Returned surveys.</param>
/// <param name="MedicationFills">Medication fills.</param>
/// <param name="Referrals">Referrals.</param>
/// <param name="Claims">Claims.</param>
public sealed record PracticeDataSet(
    int SchemaVersion, string PracticeName, string TimeZone, MeasurementPeriod? Period,
    ImmutableArray<ServiceLine> ServiceLines, ImmutableArray<Appointment> Appointments,
    ImmutableArray<SurveyItem> SurveyItems, ImmutableArray<SurveyReturn> SurveyReturns,
    ImmutableArray<MedicationFill> MedicationFills, ImmutableArray<Referral> Referrals, ImmutableArray<Claim> Claims)
{
    /// <summary>The input schema version this library reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Gets the service lines.</summary>
    public ImmutableArray<ServiceLine> ServiceLines { get; init; } = OrEmpty(ServiceLines);

    /// <summary>Gets the booked appointments and their visits.</summary>
    public ImmutableArray<Appointment> Appointments { get; init; } = OrEmpty(Appointments);

    /// <summary>Gets the survey's items.</summary>
    public ImmutableArray<SurveyItem> SurveyItems { get; init; } = OrEmpty(SurveyItems);

    /// <summary>Gets the returned surveys.</summary>
    public ImmutableArray<SurveyReturn> SurveyReturns { get; init; } = OrEmpty(SurveyReturns);

    /// <summary>Gets the medication fills.</summary>
    public ImmutableArray<MedicationFill> MedicationFills { get; init; } = OrEmpty(MedicationFills);

    /// <summary>Gets the referrals.</summary>
    public ImmutableArray<Referral> Referrals { get; init; } = OrEmpty(Referrals);

    /// <summary>Gets the claims.</summary>
    public ImmutableArray<Claim> Claims { get; init; } = OrEmpty(Claims);

    /// <summary>Gets the patient jobs other than fills and referrals: labs, follow-ups, pre-visit forms, host-defined.</summary>
    public ImmutableArray<PatientJob> Jobs
    {
        get => _jobs;
        init => _jobs = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<PatientJob> _jobs = [];

    /// <summary>Gets clinicians' ratings of how patients are doing with jobs (support data only, docs/jobs.md#clinician-ratings).</summary>
    public ImmutableArray<ClinicianRating> ClinicianRatings
    {
        get => _clinicianRatings;
        init => _clinicianRatings = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<ClinicianRating> _clinicianRatings = [];

    /// <summary>Gets the barriers care teams recorded for patients' jobs.</summary>
    public ImmutableArray<BarrierReport> Barriers
    {
        get => _barriers;
        init => _barriers = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<BarrierReport> _barriers = [];

    /// <summary>Gets patient-initiated portal message threads.</summary>
    public ImmutableArray<PortalThread> PortalThreads
    {
        get => _portalThreads;
        init => _portalThreads = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<PortalThread> _portalThreads = [];

    /// <summary>Gets the practice's weekly opening hours (local time); empty means Monday to Friday, 08:00–17:00.</summary>
    public ImmutableArray<Scoring.OpeningInterval> OpeningHours
    {
        get => _openingHours;
        init => _openingHours = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<Scoring.OpeningInterval> _openingHours = [];

    /// <summary>Gets the practice's holidays (local dates), excluded from business time.</summary>
    public ImmutableArray<DateOnly> Holidays
    {
        get => _holidays;
        init => _holidays = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<DateOnly> _holidays = [];

    /// <summary>Gets the stakeholders, criteria and assessments for choosing the primary customer (docs/primary-customer.md), or
    /// <see langword="null"/> when the data set does not carry them.</summary>
    public Customers.StakeholderAssessments? PrimaryCustomer { get; init; }

    /// <summary>Gets KPI series measured period by period, for assumption monitors (docs/assumption-monitors.md).</summary>
    public ImmutableArray<Control.KpiSeries> KpiSeries
    {
        get => _kpiSeries;
        init => _kpiSeries = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<Control.KpiSeries> _kpiSeries = [];

    /// <summary>Gets which KPI series measures which assumption of the primary-customer decision.</summary>
    public ImmutableArray<Control.AssumptionBinding> AssumptionBindings
    {
        get => _assumptionBindings;
        init => _assumptionBindings = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<Control.AssumptionBinding> _assumptionBindings = [];

    /// <summary>Gets the inbound phone calls to the practice's queues.</summary>
    public ImmutableArray<CallRecord> Calls
    {
        get => _calls;
        init => _calls = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<CallRecord> _calls = [];

    /// <summary>Gets the price estimates and their final amounts.</summary>
    public ImmutableArray<PriceEstimate> PriceEstimates
    {
        get => _priceEstimates;
        init => _priceEstimates = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<PriceEstimate> _priceEstimates = [];

    /// <summary>Gets the billing statements sent to patients.</summary>
    public ImmutableArray<PatientStatement> Statements
    {
        get => _statements;
        init => _statements = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<PatientStatement> _statements = [];

    /// <summary>Gets the billing complaints received.</summary>
    public ImmutableArray<BillingComplaint> BillingComplaints
    {
        get => _billingComplaints;
        init => _billingComplaints = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<BillingComplaint> _billingComplaints = [];

    /// <summary>Gets the post-visit contact attempts.</summary>
    public ImmutableArray<OutreachContact> OutreachContacts
    {
        get => _outreachContacts;
        init => _outreachContacts = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<OutreachContact> _outreachContacts = [];

    /// <summary>Gets the weekly availability snapshots for the third next available appointment.</summary>
    public ImmutableArray<AvailabilitySnapshot> AvailabilitySnapshots
    {
        get => _availabilitySnapshots;
        init => _availabilitySnapshots = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<AvailabilitySnapshot> _availabilitySnapshots = [];

    /// <summary>Gets the free-text reviews.</summary>
    public ImmutableArray<Review> Reviews
    {
        get => _reviews;
        init => _reviews = value.IsDefault ? [] : value;
    }

    private readonly ImmutableArray<Review> _reviews = [];

    /// <summary>Returns the part of the data that belongs to one service line: its appointments, survey returns,
    /// referrals, jobs, portal threads and claims. Medication fills, clinician ratings and barriers belong to patients, not service
    /// lines, and are left out.</summary>
    /// <param name="serviceLineKey">The service line's key (ordinal).</param>
    /// <returns>A new data set holding only that service line's records.</returns>
    public PracticeDataSet ForServiceLine(string serviceLineKey)
    {
        ArgumentNullException.ThrowIfNull(serviceLineKey);
        return this with
        {
            ServiceLines = Only(ServiceLines, serviceLineKey, static s => s.Key),
            Appointments = Only(Appointments, serviceLineKey, static a => a.ServiceLine),
            SurveyReturns = Only(SurveyReturns, serviceLineKey, static r => r.ServiceLine),
            MedicationFills = [],
            Referrals = Only(Referrals, serviceLineKey, static r => r.ServiceLine),
            Claims = Only(Claims, serviceLineKey, static c => c.ServiceLine),
            Jobs = Only(Jobs, serviceLineKey, static j => j.ServiceLine),
            PortalThreads = Only(PortalThreads, serviceLineKey, static t => t.ServiceLine),
            Calls = Only(Calls, serviceLineKey, static c => c.ServiceLine),
            PriceEstimates = Only(PriceEstimates, serviceLineKey, static e => e.ServiceLine),
            Statements = Only(Statements, serviceLineKey, static x => x.ServiceLine),
            BillingComplaints = Only(BillingComplaints, serviceLineKey, static c => c.ServiceLine),
            OutreachContacts = Only(OutreachContacts, serviceLineKey, static c => c.ServiceLine),
            AvailabilitySnapshots = Only(AvailabilitySnapshots, serviceLineKey, static a => a.ServiceLine),
            Reviews = Only(Reviews, serviceLineKey, static r => r.ServiceLine),
            ClinicianRatings = [],
            Barriers = [],
        };
    }

    /// <summary>Returns the part of the data that belongs to one clinician: that clinician's appointments only (the other
    /// records do not name a clinician).</summary>
    /// <param name="clinicianKey">The clinician's key (ordinal).</param>
    /// <returns>A new data set holding only that clinician's appointments.</returns>
    public PracticeDataSet ForClinician(string clinicianKey)
    {
        ArgumentNullException.ThrowIfNull(clinicianKey);
        return new PracticeDataSet(SchemaVersion, PracticeName, TimeZone, Period, ServiceLines,
            Only(Appointments, clinicianKey, static a => a.ClinicianKey), [], [], [], [], [])
        {
            Holidays = Holidays,
            OpeningHours = OpeningHours,
        };
    }

    // ForClinician of every clinician named by an appointment, in ordinal order of the key, the appointments dealt in one
    // pass (each clinician's in the data's order) instead of one pass per clinician.
    internal List<(string Key, PracticeDataSet Data)> ByClinician()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);   // first how many each has, then where the next goes
        foreach (var a in Appointments)
        {
            if (a.ClinicianKey is { } key)
                counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var keys = counts.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var own = new Dictionary<string, Appointment[]>(keys.Length, StringComparer.Ordinal);
        foreach (string key in keys)
        {
            own[key] = new Appointment[counts[key]];
            counts[key] = 0;
        }
        foreach (var a in Appointments)
        {
            if (a.ClinicianKey is { } key)
                own[key][counts[key]++] = a;
        }
        var result = new List<(string, PracticeDataSet)>(keys.Length);
        foreach (string key in keys)
        {
            result.Add((key, new PracticeDataSet(SchemaVersion, PracticeName, TimeZone, Period, ServiceLines,
                ImmutableCollectionsMarshal.AsImmutableArray(own[key]), [], [], [], [], [])
            {
                Holidays = Holidays,
                OpeningHours = OpeningHours,
            }));
        }
        return result;
    }

    /// <summary>Splits the data by patient into <paramref name="count"/> shards, for
    /// <see cref="PracticeEvaluator.Accumulate"/> on each and <see cref="PracticeEvaluator.Merge"/> of their partials
    /// (docs/scale.md#the-evaluation-in-pieces). Every record of one patient (appointments, outreach contacts, portal
    /// threads, survey returns, claims, price estimates, statements, fills, referrals, jobs, clinician ratings, barriers)
    /// goes to the same shard, chosen by a stable hash of the patient key (64-bit FNV-1a of its UTF-8 bytes, modulo
    /// <paramref name="count"/>, the hash the partitioned FHIR read uses), so a patient lands in the same shard on every
    /// machine and run. The practice-level records (calls, availability snapshots, billing complaints, reviews) and the
    /// primary-customer assessments, assumption bindings and KPI series go to shard 0. The configuration (name, time zone,
    /// period, service lines, survey items, opening hours, holidays) travels whole to every shard.</summary>
    /// <param name="count">How many shards: 1 to 4,096 (the most partitions the partitioned FHIR read makes).</param>
    /// <returns><paramref name="count"/> data sets, shard 0 first; each keeps the records' order. A shard may hold no
    /// patient. Together they hold every record exactly once.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or above 4,096.</exception>
    public ImmutableArray<PracticeDataSet> SplitByPatient(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 4096);
        return Split(count, key => StableHash.ShardOf(key, count), () => 0, k => k == 0);
    }

    // The split behind SplitByPatient, with the choices as arguments (the tests' random shards use it too): the shard of
    // each patient (asked once per patient, in order of first appearance: appointments, contacts, threads, returns,
    // claims, estimates, statements, fills, referrals, jobs, ratings, barriers), the shard of each practice-level record
    // (asked once per record: calls, snapshots, complaints, reviews) and which shards get the primary-customer block.
    internal ImmutableArray<PracticeDataSet> Split(int count, Func<string, int> shardOfPatient, Func<int> shardOfPracticeRecord, Func<int, bool> holdsPracticeLevel)
    {
        var shardOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int Of(string patientKey)
        {
            if (!shardOf.TryGetValue(patientKey, out int k))
                shardOf[patientKey] = k = shardOfPatient(patientKey);
            return k;
        }
        ImmutableArray<T>[] Deal<T>(ImmutableArray<T> records, Func<T, int> shardOfRecord)
        {
            var shards = new ImmutableArray<T>.Builder[count];
            for (int k = 0; k < count; k++)
                shards[k] = ImmutableArray.CreateBuilder<T>();
            foreach (var record in records)
                shards[shardOfRecord(record)].Add(record);
            return [.. shards.Select(b => b.ToImmutable())];
        }
        var appointments = Deal(Appointments, a => Of(a.PatientKey));
        var contacts = Deal(OutreachContacts, c => Of(c.PatientKey));
        var threads = Deal(PortalThreads, t => Of(t.PatientKey));
        var returns = Deal(SurveyReturns, r => Of(r.PatientKey));
        var claims = Deal(Claims, c => Of(c.PatientKey));
        var estimates = Deal(PriceEstimates, e => Of(e.PatientKey));
        var statements = Deal(Statements, t => Of(t.PatientKey));
        var fills = Deal(MedicationFills, f => Of(f.PatientKey));
        var referrals = Deal(Referrals, r => Of(r.PatientKey));
        var jobs = Deal(Jobs, j => Of(j.PatientKey));
        var ratings = Deal(ClinicianRatings, r => Of(r.PatientKey));
        var barriers = Deal(Barriers, b => Of(b.PatientKey));
        var calls = Deal(Calls, _ => shardOfPracticeRecord());
        var snapshots = Deal(AvailabilitySnapshots, _ => shardOfPracticeRecord());
        var complaints = Deal(BillingComplaints, _ => shardOfPracticeRecord());
        var reviews = Deal(Reviews, _ => shardOfPracticeRecord());
        return [.. Enumerable.Range(0, count).Select(k =>
        {
            bool practiceLevel = holdsPracticeLevel(k);
            return this with
            {
                Appointments = appointments[k],
                OutreachContacts = contacts[k],
                PortalThreads = threads[k],
                SurveyReturns = returns[k],
                Claims = claims[k],
                PriceEstimates = estimates[k],
                Statements = statements[k],
                MedicationFills = fills[k],
                Referrals = referrals[k],
                Jobs = jobs[k],
                ClinicianRatings = ratings[k],
                Barriers = barriers[k],
                Calls = calls[k],
                AvailabilitySnapshots = snapshots[k],
                BillingComplaints = complaints[k],
                Reviews = reviews[k],
                PrimaryCustomer = practiceLevel ? PrimaryCustomer : null,
                KpiSeries = practiceLevel ? KpiSeries : [],
                AssumptionBindings = practiceLevel ? AssumptionBindings : [],
            };
        })];
    }

    /// <summary>Groups the patient-level records (fills, referrals, jobs, ratings, barriers) into one timeline per
    /// patient, in order of each patient's first appearance.</summary>
    /// <returns>The timelines.</returns>
    public ImmutableArray<PatientTimeline> ToTimelines()
    {
        // Each patient's place in order of first appearance (fills, referrals, jobs, ratings, barriers), then each kind of
        // record dealt into exactly sized arrays, in the records' order: what grouping each kind by patient gives.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>();
        int[] PatientsOf<T>(ImmutableArray<T> records, Func<T, string> patientKey)
        {
            var of = new int[records.Length];
            for (int i = 0; i < of.Length; i++)
            {
                string key = patientKey(records[i]);
                if (!index.TryGetValue(key, out int p))
                {
                    index.Add(key, p = keys.Count);
                    keys.Add(key);
                }
                of[i] = p;
            }
            return of;
        }
        var fillsOf = PatientsOf(MedicationFills, static f => f.PatientKey);
        var referralsOf = PatientsOf(Referrals, static r => r.PatientKey);
        var jobsOf = PatientsOf(Jobs, static j => j.PatientKey);
        var ratingsOf = PatientsOf(ClinicianRatings, static r => r.PatientKey);
        var barriersOf = PatientsOf(Barriers, static b => b.PatientKey);
        var fills = Deal(MedicationFills, fillsOf, keys.Count);
        var referrals = Deal(Referrals, referralsOf, keys.Count);
        var jobs = Deal(Jobs, jobsOf, keys.Count);
        var ratings = Deal(ClinicianRatings, ratingsOf, keys.Count);
        var barriers = Deal(Barriers, barriersOf, keys.Count);
        var timelines = new PatientTimeline[keys.Count];
        for (int p = 0; p < timelines.Length; p++)
        {
            timelines[p] = new PatientTimeline(keys[p], fills[p], referrals[p])
            {
                Jobs = jobs[p],
                ClinicianRatings = ratings[p],
                Barriers = barriers[p],
            };
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(timelines);

        static ImmutableArray<T>[] Deal<T>(ImmutableArray<T> records, int[] patientOf, int patients)
        {
            var counts = new int[patients];
            foreach (int p in patientOf)
                counts[p]++;
            var arrays = new T[patients][];
            for (int p = 0; p < patients; p++)
            {
                arrays[p] = counts[p] == 0 ? [] : new T[counts[p]];
                counts[p] = 0;   // now the next free place in the patient's array
            }
            for (int i = 0; i < patientOf.Length; i++)
                arrays[patientOf[i]][counts[patientOf[i]]++] = records[i];
            var result = new ImmutableArray<T>[patients];
            for (int p = 0; p < patients; p++)
                result[p] = ImmutableCollectionsMarshal.AsImmutableArray(arrays[p]);
            return result;
        }
    }

    // The records whose key equals the one given (ordinal, as ==), in their order, in an array of exactly their number.
    private static ImmutableArray<T> Only<T>(ImmutableArray<T> records, string key, Func<T, string?> keyOf)
    {
        int count = 0;
        foreach (var r in records)
        {
            if (keyOf(r) == key)
                count++;
        }
        if (count == 0)
            return [];
        var only = new T[count];
        int n = 0;
        foreach (var r in records)
        {
            if (keyOf(r) == key)
                only[n++] = r;
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(only);
    }

    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;
}
