using System.Collections.Immutable;
using PatientCentric.Records;

namespace PatientCentric.Scoring;

/// <summary>Splits a scope's data into one data set per period bucket in one pass, giving each record to every bucket
/// whose built-in touchpoint scorers could count it (docs/spc.md#every-measure-over-time): each built-in scorer decides a
/// record's period membership by one date, so adding each bucket's slice in that bucket's context and merging the
/// accumulators gives exactly the one-pass card.</summary>
/// <remarks>
/// <para>By the date each scorer tests: appointments by the local date of their start; portal threads, calls,
/// availability snapshots by the local date of the instant; survey returns, price estimates, statements and billing
/// complaints by their date. A claim goes to the bucket of its first submission (the clean-claim rate) and, when
/// different, to the bucket of its first adjudication (the denial rate); a claim adjudicated before it was submitted,
/// which the claims scorer counts as invalid whatever the period, goes to one bucket only. An outreach contact goes to
/// every bucket holding a visit whose 7-day follow-up window could contain it: the buckets of the dates from 8 days
/// (a day of slack for a daylight-saving shift), plus the longest stay, before the contact's date to the longest
/// departure before start after it.</para>
/// <para>A record dated outside the period goes to the first or last bucket, where the scorers' own period test skips it
/// but the scorers that ask whether the data has such records at all (claims, outreach) still see it; a bucket left
/// without any claim or contact gets one that it cannot count, so that each bucket's cards are the measure over that
/// bucket alone. Configuration
/// (service lines, survey items, opening hours, holidays) and the records no touchpoint scorer reads travel whole.</para>
/// </remarks>
internal static class PeriodSlicer
{
    /// <summary>The follow-up window of <see cref="Touchpoints.FollowUpContactScorer"/> in days, plus a day of slack.</summary>
    private static readonly int ContactReachDays = (int)Math.Ceiling(Touchpoints.FollowUpContactScorer.Window.TotalDays) + 1;

    /// <param name="data">The scope's data.</param>
    /// <param name="context">The scope's context (time zone, period).</param>
    /// <param name="buckets">The period buckets.</param>
    /// <param name="days">The local dates of appointment starts met so far (appointments start on few distinct instants);
    /// <see langword="null"/> converts each start.</param>
    public static PracticeDataSet[] Slice(PracticeDataSet data, ScoringContext context, PeriodBuckets buckets, LocalDayCache? days = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(buckets);
        int n = buckets.Count;
        var slices = new PracticeDataSet[n];
        if (n == 1)
        {
            slices[0] = data;
            return slices;
        }
        var appointments = Split(data.Appointments, n, a => buckets.IndexOf(days is null ? context.LocalDate(a.Start) : days.Of(a.Start, context)));
        // Each scorer reads every appointment of a bucket, bucket after bucket: copies laid out bucket by bucket are read in
        // memory order, where the originals, in whatever order the data gives them, may be read one in n across the heap
        // (docs/performance.md#every-measure-over-time-trendbenchmarks). A copy is equal to its original (a record,
        // shallow: the same strings).
        foreach (var bucket in appointments)
        {
            var copies = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(bucket)!;
            for (int i = 0; i < copies.Length; i++)
                copies[i] = copies[i] with { };
        }
        long staysAfter = 0, departsBefore = 0;   // in ticks: the longest departure after, and before, an appointment's start
        foreach (var a in data.Appointments)
        {
            if (a.DepartedAt is { } departed)
            {
                long stay = departed.UtcTicks - a.Start.UtcTicks;
                staysAfter = Math.Max(staysAfter, stay);
                departsBefore = Math.Max(departsBefore, -stay);
            }
        }
        long before = ContactReachDays + WholeDays(staysAfter) + 1, after = WholeDays(departsBefore) + 1;
        var contacts = Builders<OutreachContact>(n, data.OutreachContacts.Length);
        foreach (var c in data.OutreachContacts)
        {
            long day = context.LocalDate(c.At).DayNumber;
            int lo = buckets.IndexOfDayNumber(day - before), hi = buckets.IndexOfDayNumber(day + after);
            for (int i = lo; i <= hi; i++)
                contacts[i].Add(c);
        }
        var claims = Builders<Claim>(n, data.Claims.Length);
        foreach (var c in data.Claims)
        {
            int submitted = buckets.IndexOf(c.FirstSubmittedOn);
            claims[submitted].Add(c);
            if (c.AdjudicatedOn is { } adjudicated && adjudicated >= c.FirstSubmittedOn && buckets.IndexOf(adjudicated) is var i && i != submitted)
                claims[i].Add(c);
        }
        // The claims and follow-up scorers give no card for data without any claim or outreach contact at all. A bucket
        // whose slice has none while the scope has some gets one witness: a contact outside every window of the bucket's
        // visits (else the bucket would hold it already), or a claim whose dates lie outside the bucket and that is not
        // counted as invalid; either changes only that the bucket sees such records exist.
        if (!data.OutreachContacts.IsEmpty)
            Witness(contacts, data.OutreachContacts[0]);
        if (FirstValid(data.Claims) is { } validClaim)
            Witness(claims, validClaim);
        var returns = Split(data.SurveyReturns, n, r => buckets.IndexOf(r.ReturnedOn));
        var threads = Split(data.PortalThreads, n, t => buckets.IndexOf(context.LocalDate(t.SentAt)));
        var calls = Split(data.Calls, n, c => buckets.IndexOf(context.LocalDate(c.EnteredQueueAt)));
        var snapshots = Split(data.AvailabilitySnapshots, n, s => buckets.IndexOf(context.LocalDate(s.TakenAt)));
        var estimates = Split(data.PriceEstimates, n, e => buckets.IndexOf(e.EstimatedOn));
        var statements = Split(data.Statements, n, s => buckets.IndexOf(s.SentOn));
        var complaints = Split(data.BillingComplaints, n, c => buckets.IndexOf(c.ReceivedOn));
        for (int i = 0; i < n; i++)
        {
            slices[i] = data with
            {
                Appointments = appointments[i],
                OutreachContacts = contacts[i].DrainToImmutable(),
                Claims = claims[i].DrainToImmutable(),
                SurveyReturns = returns[i],
                PortalThreads = threads[i],
                Calls = calls[i],
                AvailabilitySnapshots = snapshots[i],
                PriceEstimates = estimates[i],
                Statements = statements[i],
                BillingComplaints = complaints[i],
            };
        }
        return slices;
    }

    /// <summary>Each service line's bucket slices, derived from the practice's in one pass per record type instead of
    /// slicing each line's data again: a practice bucket's records of one line, in their order, are exactly that line's
    /// records of the bucket. Outreach contacts are the one exception that keeps it exact by a superset: the practice's
    /// reach (from its longest stay and departure) is at least each line's, so a line's bucket may hold a contact the
    /// line's own reach would have left out, one outside every follow-up window of the bucket's visits, which no scorer
    /// counts; a line's bucket left without any contact or claim gets the line's witness, as in
    /// <see cref="Slice"/>.</summary>
    /// <param name="practice">The practice's slices (<see cref="Slice"/> of the practice's data).</param>
    /// <param name="lines">Each configured line's key and data (<see cref="PracticeDataSet.ForServiceLine"/>).</param>
    /// <returns>Per line, in the order given, its slices.</returns>
    public static PracticeDataSet[][] ForServiceLines(PracticeDataSet[] practice, IReadOnlyList<(string Key, PracticeDataSet Data)> lines)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(lines);
        int n = practice.Length;
        var result = new PracticeDataSet[lines.Count][];
        if (n == 1)
        {
            for (int l = 0; l < result.Length; l++)
                result[l] = [lines[l].Data];
            return result;
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, _) in lines)
            index.TryAdd(key, index.Count);
        int groups = index.Count;
        var appointments = Group(practice, groups, static d => d.Appointments, r => Find(index, r.ServiceLine));
        var contacts = Group(practice, groups, static d => d.OutreachContacts, r => Find(index, r.ServiceLine));
        var claims = Group(practice, groups, static d => d.Claims, r => Find(index, r.ServiceLine));
        var returns = Group(practice, groups, static d => d.SurveyReturns, r => Find(index, r.ServiceLine));
        var threads = Group(practice, groups, static d => d.PortalThreads, r => Find(index, r.ServiceLine));
        var calls = Group(practice, groups, static d => d.Calls, r => Find(index, r.ServiceLine));
        var snapshots = Group(practice, groups, static d => d.AvailabilitySnapshots, r => Find(index, r.ServiceLine));
        var estimates = Group(practice, groups, static d => d.PriceEstimates, r => Find(index, r.ServiceLine));
        var statements = Group(practice, groups, static d => d.Statements, r => Find(index, r.ServiceLine));
        var complaints = Group(practice, groups, static d => d.BillingComplaints, r => Find(index, r.ServiceLine));
        for (int l = 0; l < result.Length; l++)
        {
            var (key, data) = lines[l];
            int g = index[key];
            ImmutableArray<OutreachContact> contactWitness = data.OutreachContacts.IsEmpty ? [] : [data.OutreachContacts[0]];
            ImmutableArray<Claim> claimWitness = FirstValid(data.Claims) is { } validClaim ? [validClaim] : [];
            var slices = result[l] = new PracticeDataSet[n];
            for (int i = 0; i < n; i++)
            {
                slices[i] = data with
                {
                    Appointments = appointments[g][i],
                    OutreachContacts = contacts[g][i].IsEmpty ? contactWitness : contacts[g][i],
                    Claims = claims[g][i].IsEmpty ? claimWitness : claims[g][i],
                    SurveyReturns = returns[g][i],
                    PortalThreads = threads[g][i],
                    Calls = calls[g][i],
                    AvailabilitySnapshots = snapshots[g][i],
                    PriceEstimates = estimates[g][i],
                    Statements = statements[g][i],
                    BillingComplaints = complaints[g][i],
                };
            }
        }
        return result;
    }

    /// <summary>Each clinician's bucket slices, derived from the practice's in one pass over the appointments: a clinician's
    /// data (<see cref="PracticeDataSet.ForClinician"/>) holds only appointments, and a practice bucket's appointments of
    /// one clinician, in their order, are exactly that clinician's appointments of the bucket.</summary>
    /// <param name="practice">The practice's slices (<see cref="Slice"/> of the practice's data).</param>
    /// <param name="clinicians">Each clinician's key and data.</param>
    /// <returns>Per clinician, in the order given, its slices.</returns>
    public static PracticeDataSet[][] ForClinicians(PracticeDataSet[] practice, IReadOnlyList<(string Key, PracticeDataSet Data)> clinicians)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(clinicians);
        int n = practice.Length;
        var result = new PracticeDataSet[clinicians.Count][];
        if (n == 1)
        {
            for (int c = 0; c < result.Length; c++)
                result[c] = [clinicians[c].Data];
            return result;
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, _) in clinicians)
            index.TryAdd(key, index.Count);
        var appointments = Group(practice, index.Count, static d => d.Appointments, a => a.ClinicianKey is { } key ? Find(index, key) : -1);
        for (int c = 0; c < result.Length; c++)
        {
            var (key, data) = clinicians[c];
            int g = index[key];
            var slices = result[c] = new PracticeDataSet[n];
            for (int i = 0; i < n; i++)
                slices[i] = data with { Appointments = appointments[g][i] };
        }
        return result;
    }

    private static int Find(Dictionary<string, int> index, string? key) => key is not null && index.TryGetValue(key, out int g) ? g : -1;

    private static Claim? FirstValid(ImmutableArray<Claim> claims)
    {
        foreach (var c in claims)
        {
            if (c.AdjudicatedOn is not { } a || a >= c.FirstSubmittedOn)
                return c;
        }
        return null;
    }

    // Per group, per bucket: the bucket's records of that group, in their order (a count, then a placing pass per bucket);
    // a record whose group is -1 belongs to none.
    private static ImmutableArray<T>[][] Group<T>(PracticeDataSet[] slices, int groups, Func<PracticeDataSet, ImmutableArray<T>> field, Func<T, int> groupOf)
    {
        int n = slices.Length;
        var result = new ImmutableArray<T>[groups][];
        for (int g = 0; g < groups; g++)
            result[g] = new ImmutableArray<T>[n];
        var counts = new int[groups];
        int[] index = [];
        for (int i = 0; i < n; i++)
        {
            var records = field(slices[i]);
            if (index.Length < records.Length)
                index = new int[Math.Max(records.Length, index.Length * 2)];
            Array.Clear(counts);
            for (int r = 0; r < records.Length; r++)
            {
                int g = index[r] = groupOf(records[r]);
                if (g >= 0)
                    counts[g]++;
            }
            var arrays = new T[groups][];
            for (int g = 0; g < groups; g++)
                arrays[g] = counts[g] == 0 ? [] : new T[counts[g]];
            Array.Clear(counts);
            for (int r = 0; r < records.Length; r++)
            {
                int g = index[r];
                if (g >= 0)
                    arrays[g][counts[g]++] = records[r];
            }
            for (int g = 0; g < groups; g++)
                result[g][i] = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(arrays[g]);
        }
        return result;
    }

    private static void Witness<T>(ImmutableArray<T>.Builder[] buckets, T witness)
    {
        foreach (var bucket in buckets)
        {
            if (bucket.Count == 0)
                bucket.Add(witness);
        }
    }

    private static long WholeDays(long ticks) => ticks <= 0 ? 0 : (ticks + TimeSpan.TicksPerDay - 1) / TimeSpan.TicksPerDay;

    private static ImmutableArray<T>.Builder[] Builders<T>(int n, int total)
    {
        var builders = new ImmutableArray<T>.Builder[n];
        for (int i = 0; i < n; i++)
            builders[i] = ImmutableArray.CreateBuilder<T>((total / n) + 1);
        return builders;
    }

    // The records per bucket, in their order, in arrays of the exact size (one pass to count, one to place; no builder
    // growth and no copy at the end).
    private static ImmutableArray<T>[] Split<T>(ImmutableArray<T> records, int n, Func<T, int> bucketOf)
    {
        var index = new int[records.Length];
        var counts = new int[n];
        for (int i = 0; i < index.Length; i++)
            counts[index[i] = bucketOf(records[i])]++;
        var arrays = new T[n][];
        for (int k = 0; k < n; k++)
            arrays[k] = counts[k] == 0 ? [] : new T[counts[k]];
        Array.Clear(counts);
        for (int i = 0; i < index.Length; i++)
        {
            int k = index[i];
            arrays[k][counts[k]++] = records[i];
        }
        var result = new ImmutableArray<T>[n];
        for (int k = 0; k < n; k++)
            result[k] = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(arrays[k]);
        return result;
    }
}
