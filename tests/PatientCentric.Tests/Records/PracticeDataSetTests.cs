using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using FsCheck.Xunit;
using PatientCentric.Records;
using PatientCentric.Tests.Touchpoints;

namespace PatientCentric.Tests.Records;

/// <summary><see cref="PracticeDataSet.SplitByPatient"/>: every record in exactly one shard, a patient's records together
/// in the shard of the patient key's stable hash, practice-level records in shard 0, the configuration in every shard.</summary>
public sealed class PracticeDataSetTests
{
    private static readonly Lazy<PracticeDataSet> Sample = new(ShardMergeTests.LoadSample);

    // The configuration, which every shard holds whole; every other list holds records that are dealt out.
    private static readonly string[] Configuration = [nameof(PracticeDataSet.ServiceLines), nameof(PracticeDataSet.SurveyItems),
        nameof(PracticeDataSet.OpeningHours), nameof(PracticeDataSet.Holidays)];

    private static readonly string[] PracticeLevelBlock = [nameof(PracticeDataSet.KpiSeries), nameof(PracticeDataSet.AssumptionBindings)];

    private static IEnumerable<PropertyInfo> RecordLists => typeof(PracticeDataSet).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        .Where(p => !Configuration.Contains(p.Name) && !PracticeLevelBlock.Contains(p.Name));

    [Property(MaxTest = 100)]
    public bool SplitByPatient_PutsEveryRecordInExactlyOneShard_AndKeepsTheirOrder(int seed, byte shards)
    {
        var data = ShardMergeTests.SmallDataSet(new Random(seed));
        int count = shards % 9 + 1;
        var split = data.SplitByPatient(count);
        return split.Length == count && RecordLists.All(p =>
        {
            var whole = ((IEnumerable)p.GetValue(data)!).Cast<object>().ToList();
            var parts = split.Select(s => ((IEnumerable)p.GetValue(s)!).Cast<object>().ToList()).ToList();
            // Each record once, by reference; within a shard, in the input's order.
            var seen = parts.SelectMany(x => x).ToList();
            var at = whole.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i, ReferenceEqualityComparer.Instance);
            return seen.Count == whole.Count
                   && seen.Distinct(ReferenceEqualityComparer.Instance).Count() == whole.Count
                   && seen.All(at.ContainsKey)
                   && parts.All(part => part.Select(r => at[r]).Order().SequenceEqual(part.Select(r => at[r])));
        });
    }

    [Fact]
    public void SplitByPatient_OfTheSample_PutsEachPatientInTheShardOfItsKeysHash()
    {
        const int Count = 5;
        var split = Sample.Value.SplitByPatient(Count);
        for (int k = 0; k < Count; k++)
        {
            var s = split[k];
            var keys = s.Appointments.Select(x => x.PatientKey).Concat(s.OutreachContacts.Select(x => x.PatientKey))
                .Concat(s.PortalThreads.Select(x => x.PatientKey)).Concat(s.SurveyReturns.Select(x => x.PatientKey))
                .Concat(s.Claims.Select(x => x.PatientKey)).Concat(s.PriceEstimates.Select(x => x.PatientKey))
                .Concat(s.Statements.Select(x => x.PatientKey)).Concat(s.MedicationFills.Select(x => x.PatientKey))
                .Concat(s.Referrals.Select(x => x.PatientKey)).Concat(s.Jobs.Select(x => x.PatientKey))
                .Concat(s.ClinicianRatings.Select(x => x.PatientKey)).Concat(s.Barriers.Select(x => x.PatientKey)).ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(keys);
            Assert.All(keys, key => Assert.Equal(k, StableHash.ShardOf(key, Count)));
        }
    }

    [Fact]
    public void SplitByPatient_OfTheSample_SendsTheConfigurationEverywhere_AndPracticeLevelRecordsToShardZero()
    {
        var data = Sample.Value;
        var split = data.SplitByPatient(3);
        Assert.All(split, s =>
        {
            Assert.Equal((data.PracticeName, data.TimeZone, data.Period), (s.PracticeName, s.TimeZone, s.Period));
            Assert.Equal(data.ServiceLines, s.ServiceLines);
            Assert.Equal(data.SurveyItems, s.SurveyItems);
            Assert.Equal(data.OpeningHours, s.OpeningHours);
            Assert.Equal(data.Holidays, s.Holidays);
        });
        Assert.NotEmpty(data.Calls);
        Assert.NotNull(data.PrimaryCustomer);
        Assert.Equal(data.Calls, split[0].Calls);
        Assert.Equal(data.AvailabilitySnapshots, split[0].AvailabilitySnapshots);
        Assert.Equal(data.BillingComplaints, split[0].BillingComplaints);
        Assert.Equal(data.Reviews, split[0].Reviews);
        Assert.Equal(data.KpiSeries, split[0].KpiSeries);
        Assert.Equal(data.AssumptionBindings, split[0].AssumptionBindings);
        Assert.Same(data.PrimaryCustomer, split[0].PrimaryCustomer);
        Assert.All(split.Skip(1), s => Assert.True(s.Calls.IsEmpty && s.AvailabilitySnapshots.IsEmpty && s.BillingComplaints.IsEmpty && s.Reviews.IsEmpty
                                                   && s.KpiSeries.IsEmpty && s.AssumptionBindings.IsEmpty && s.PrimaryCustomer is null));
    }

    [Fact]
    public void SplitByPatient_IsTheSameOnEveryCall_AndIntoOneShardIsTheData()
    {
        var data = Sample.Value;
        Assert.Equal(data.SplitByPatient(4).Select(s => s.Appointments.Length), data.SplitByPatient(4).Select(s => s.Appointments.Length));
        var one = Assert.Single(data.SplitByPatient(1));
        Assert.True(one.Appointments.SequenceEqual(data.Appointments) && one.MedicationFills.SequenceEqual(data.MedicationFills) && one.Calls.SequenceEqual(data.Calls));
    }

    [Fact]
    public void StableHash_IsFnv1a64_OfTheUtf8Bytes()
    {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (the FNV reference test vectors): 12638187200555641996 mod 1000 = 996, mod 7 = 5.
        Assert.Equal((996, 5), (StableHash.ShardOf("a", 1000), StableHash.ShardOf("a", 7)));
    }

    /// <summary>FNV-1a 64 over Encoding.UTF8's bytes of the key, written out here byte by byte as the definition.</summary>
    private static ulong Fnv(string key)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(key)) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    [Property(MaxTest = 500)]
    public bool StableHash_OfAnyString_IsFnv1a64_OfItsUtf8Bytes_FromTheStringOrItsBytes(string? key, int count)
    {
        key ??= "";
        count = Math.Abs(count % 1000) + 1;
        var bytes = System.Text.Encoding.UTF8.GetBytes(key);
        return StableHash.Of(key) == Fnv(key) && StableHash.Of(bytes) == Fnv(key)
            && StableHash.ShardOf(key, count) == (int)(Fnv(key) % (ulong)count) && StableHash.ShardOf(StableHash.Of(bytes), count) == StableHash.ShardOf(key, count);
    }

    [Fact]
    public void StableHash_OfLongAndUnpairedStrings_IsFnv1a64_OfEncodingUtf8sBytes()
    {
        // A lone surrogate (encoded as U+FFFD, as Encoding.UTF8 does), 400 bytes (past the stack buffer), 3,000.
        string[] keys = ["p" + (char)0xD800 + "q", string.Concat(Enumerable.Repeat("é", 200)), new string('x', 3000)];
        foreach (var key in keys) Assert.Equal(Fnv(key), StableHash.Of(key));
        Assert.NotEqual(Fnv("p"), StableHash.Of(keys[0]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(4097)]
    public void SplitByPatient_OutOfRange_NamesTheCount(int count)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Sample.Value.SplitByPatient(count));
        Assert.Equal("count", error.ParamName);
    }
}
