using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using PatientCentric.Records;

namespace PatientCentric.Cli.Sample;

/// <summary>Where a streaming export is (<see cref="SampleFhirExport.WriteStreaming"/>).</summary>
/// <param name="PatientsDone">Patients generated so far.</param>
/// <param name="PatientsTotal">Patients to generate.</param>
/// <param name="File">While writing the sorted files: the file being written, otherwise <see langword="null"/>.</param>
/// <param name="Resources">Resources written to <paramref name="File"/> so far.</param>
internal readonly record struct SampleExportProgress(int PatientsDone, int PatientsTotal, string? File = null, long Resources = 0);

/// <summary>The sample written as it is generated, in memory independent of the number of patients.</summary>
/// <remarks>The folder's files keep the in-memory export's order (resources in data-set order: by date, then id), so each
/// resource is serialized as its patient is generated and kept, with its sort key, in a bounded buffer per file; a full
/// buffer is sorted and written to a run file, and at the end the runs are merged into the NDJSON file (an external merge
/// sort). Everything is written into <c>DIR.partial-temp</c> and moved into DIR only when complete.</remarks>
internal static partial class SampleFhirExport
{
    /// <summary>The suffix of the folder a streaming export writes into before it moves its files into place.</summary>
    public const string PartialSuffix = ".partial-temp";

    /// <summary>The payload bytes each sorted file buffers before it writes a run (so about 13 × this in all).</summary>
    internal const int DefaultRunBytes = 8 << 20;

    /// <summary>Generates the sample (as <see cref="SamplePracticeGenerator.Generate"/> would) and writes it into
    /// <paramref name="folder"/> byte for byte as <see cref="Write"/> writes the generated data set, without holding the
    /// data set: memory is bounded by the run buffers, not by <paramref name="patients"/>.</summary>
    /// <returns>Each file written with its number of resources (survey-items.json has none), in the order of <see cref="Write"/>.</returns>
    /// <exception cref="OperationCanceledException">When <paramref name="ct"/> is cancelled; the partial folder is deleted and
    /// <paramref name="folder"/> is left as it was.</exception>
    public static ImmutableArray<(string FileName, int Resources)> WriteStreaming(
        int seed, int patients, PracticeCharacter? character, string folder,
        IProgress<SampleExportProgress>? progress = null, int runBytes = DefaultRunBytes, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        character ??= PracticeCharacter.Default;
        string target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        string partial = target + PartialSuffix;
        if (Directory.Exists(partial))
            Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(partial);
        try
        {
            var files = WriteInto(partial, seed, patients, character, progress, runBytes, ct);
            ct.ThrowIfCancellationRequested();
            if (!Directory.Exists(target))
            {
                Directory.Move(partial, target);
            }
            else
            {
                // A second export into the same folder replaces the first one's files, as Write does.
                foreach (var (name, _) in files)
                    File.Move(Path.Combine(partial, name), Path.Combine(target, name), overwrite: true);
                Directory.Delete(partial, recursive: true);
            }
            return files;
        }
        catch
        {
            try
            {
                Directory.Delete(partial, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: the folder's name says it is incomplete.
            }
            throw;
        }
    }

    private static ImmutableArray<(string FileName, int Resources)> WriteInto(string dir, int seed, int patients, PracticeCharacter character,
                                                                              IProgress<SampleExportProgress>? progress, int runBytes, CancellationToken ct)
    {
        string runs = Path.Combine(dir, ".runs");
        Directory.CreateDirectory(runs);
        var sorted = new Dictionary<string, SortedNdjson>(StringComparer.Ordinal);
        foreach (string type in new[] { "Appointment", "Encounter", "MedicationDispense", "ServiceRequest", "Task", "Claim", "ClaimResponse", "QuestionnaireResponse", "Communication" })
            sorted[type] = new SortedNdjson(Path.Combine(runs, type), runBytes);
        using var serializer = new ResourceBytes();
        var present = new List<int>();
        bool anyThread = false;
        var (locum, locumNoShows, locumKept) = SamplePracticeGenerator.LocumTakes;

        var snapshots = SamplePracticeGenerator.GenerateByPatient(seed, patients, character, r =>
        {
            foreach (var a in r.Appointments)
            {
                long key = a.Start.UtcTicks;
                var candidate = SamplePracticeGenerator.Locum(a);
                if (candidate == SamplePracticeGenerator.LocumCandidate.None)
                {
                    sorted["Appointment"].Add(key, a.Id, serializer.Line(Appointment(a)));
                }
                else
                {
                    // Both versions: the merge, seeing appointments in order, knows which the locum saw.
                    var asCovered = serializer.Line(Appointment(a));
                    int split = asCovered.Length;
                    sorted["Appointment"].Add(key, a.Id, serializer.Append(Appointment(a with { ClinicianKey = locum })), ((int)candidate) | (split << 2));
                }
                if (Encounter(a) is { } e)
                    sorted["Encounter"].Add(key, a.Id, serializer.Line(e));
            }
            foreach (var f in r.Fills)
                sorted["MedicationDispense"].Add(f.DateOfService.DayNumber, f.Id, serializer.Line(Dispense(f)));
            foreach (var x in r.Referrals)
            {
                sorted["ServiceRequest"].Add(x.AuthoredOn.DayNumber, x.Id, serializer.Line(Referral(x)));
                if (x.ReportReceivedOn is { } received)
                    sorted["Task"].Add(x.AuthoredOn.DayNumber, x.Id, serializer.Line(ReferralReport(x, received)));
            }
            foreach (var c in r.Claims)
            {
                sorted["Claim"].Add(c.FirstSubmittedOn.DayNumber, c.Id, serializer.Line(Claim(c, character.PracticeName)));
                if (c.AdjudicatedOn is { } adjudicated)
                    sorted["ClaimResponse"].Add(c.FirstSubmittedOn.DayNumber, c.Id, serializer.Line(ClaimResponse(c, adjudicated)));
            }
            foreach (var s in r.Returns)
                sorted["QuestionnaireResponse"].Add(s.ReturnedOn.DayNumber, s.Id, serializer.Line(Survey(s)));
            foreach (var t in r.Threads)
            {
                anyThread = true;
                serializer.Line(PatientMessage(t));
                var lines = t.FirstStaffReplyAt is { } reply ? serializer.Append(StaffReply(t, reply)) : serializer.Current;
                sorted["Communication"].Add(t.SentAt.UtcTicks, t.Id, lines, 0, t.FirstStaffReplyAt is null ? 1 : 2);
            }
            if (r.Exported)
                present.Add(r.Number);
            if ((r.Number & 1023) == 0 || r.Number == patients)
                progress?.Report(new SampleExportProgress(r.Number, patients));
        }, ct);

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var clinicians = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (type, file) in sorted)
        {
            string name = type + ".000.ndjson";
            int noShows = 0, kept = 0;
            using var output = new FileStream(Path.Combine(dir, name), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            counts[type] = file.MergeInto(output, (flags, payload) =>
            {
                if (type != "Appointment")
                    return payload;
                int kind = flags & 3, split = flags >> 2;
                bool take = kind switch
                {
                    (int)SamplePracticeGenerator.LocumCandidate.NoShow => noShows++ < locumNoShows,
                    (int)SamplePracticeGenerator.LocumCandidate.Kept => kept++ < locumKept,
                    _ => false,
                };
                var line = kind == 0 ? payload : take ? payload[split..] : payload[..split];
                if (ClinicianOf(line) is { Length: > 0 } clinician)
                    clinicians.Add(clinician);
                return line;
            }, n => progress?.Report(new SampleExportProgress(patients, patients, name, n)), ct);
            file.Dispose();
        }
        Directory.Delete(runs, recursive: true);

        // Patients with any exported record, in ordinal key order (P10000 before P1001), as the in-memory export sorts them.
        var keys = new string[present.Count];
        for (int i = 0; i < keys.Length; i++)
            keys[i] = string.Create(CultureInfo.InvariantCulture, $"P{present[i]:0000}");
        present.Clear();
        Array.Sort(keys, StringComparer.Ordinal);
        counts["Patient"] = WriteAll(dir, "Patient", keys.Select(k => (Resource)new Patient { Id = FhirId(k) }), serializer);
        keys = [];
        var practitioners = clinicians.Select(c => (Resource)new Practitioner { Id = FhirId(c) }).ToList();
        if (anyThread)
            practitioners.Add(new Practitioner { Id = PortalStaffId });
        counts["Practitioner"] = WriteAll(dir, "Practitioner", practitioners, serializer);
        var schedules = new List<Resource>();
        var slots = new List<Resource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var snapshot in LastSnapshots(snapshots))
        {
            if (seen.Add(snapshot.ScheduleKey)) schedules.Add(Schedule(snapshot.ScheduleKey));
            for (int i = 0; i < snapshot.Slots.Length; i++) slots.Add(Slot(snapshot, i));
        }
        counts["Schedule"] = WriteAll(dir, "Schedule", schedules, serializer);
        counts["Slot"] = WriteAll(dir, "Slot", slots, serializer);

        using (var stream = File.Create(Path.Combine(dir, SurveyItemsFileName)))
        {
            var items = SamplePracticeGenerator.SurveyItems;
            SurveyItemsFile.Write(stream, items, items.ToDictionary(i => i.Key, i => i.Key, StringComparer.Ordinal));
        }
        return [.. Types.Select(t => (t + ".000.ndjson", counts[t])), (SurveyItemsFileName, 0)];
    }

    private static int WriteAll(string dir, string type, IEnumerable<Resource> resources, ResourceBytes serializer)
    {
        using var output = new FileStream(Path.Combine(dir, type + ".000.ndjson"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        int n = 0;
        foreach (var r in resources)
        {
            output.Write(serializer.Line(r));
            n++;
        }
        return n;
    }

    /// <summary>The clinician of an Appointment line as written: the second participant's <c>Practitioner/</c> reference.</summary>
    private static string ClinicianOf(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> marker = "\"Practitioner/"u8;
        int at = line.IndexOf(marker);
        if (at < 0)
            return string.Empty;
        var rest = line[(at + marker.Length)..];
        return Encoding.UTF8.GetString(rest[..rest.IndexOf((byte)'"')]);
    }

    /// <summary>The snapshots written as Slots (see <see cref="LastSnapshots(PracticeDataSet)"/>).</summary>
    internal static ImmutableArray<AvailabilitySnapshot> LastSnapshots(ImmutableArray<AvailabilitySnapshot> snapshots)
    {
        var last = snapshots.GroupBy(s => s.ScheduleKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(s => s.TakenAt), StringComparer.Ordinal);
        return [.. snapshots.Where(s => s.TakenAt == last[s.ScheduleKey])];
    }

    /// <summary>Serializes resources as NDJSON lines (as <see cref="WriteNdjson"/> writes them) into one reused buffer.</summary>
    private sealed class ResourceBytes : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(1 << 12);
        private readonly Utf8JsonWriter _writer;

        public ResourceBytes() => _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = false });

        public void Dispose() => _writer.Dispose();

        /// <summary>Gets the lines serialized since the last <see cref="Line"/>.</summary>
        public ReadOnlySpan<byte> Current => _buffer.WrittenSpan;

        /// <summary>Starts a new buffer with <paramref name="resource"/>'s line; valid until the next call.</summary>
        public ReadOnlySpan<byte> Line(Resource resource)
        {
            _buffer.ResetWrittenCount();
            return Append(resource);
        }

        /// <summary>Adds <paramref name="resource"/>'s line after the current ones.</summary>
        public ReadOnlySpan<byte> Append(Resource resource)
        {
            _writer.Reset(_buffer);
            Serializer.Serialize(resource, _writer);
            _writer.Flush();
            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);
            return _buffer.WrittenSpan;
        }
    }

    /// <summary>One NDJSON file sorted by (key, ordinal id) by an external merge sort: lines are buffered up to a byte budget,
    /// a full buffer is sorted and written as a run file, and <see cref="MergeInto"/> merges the runs.</summary>
    private sealed class SortedNdjson(string prefix, int runBytes) : IDisposable
    {
        private readonly List<Entry> _entries = [];
        private readonly List<string> _runs = [];
        private byte[] _arena = new byte[Math.Min(runBytes, 1 << 16)];
        private int _used;

        private readonly record struct Entry(long Key, string Id, int Offset, int Length, int Flags);

        public void Add(long key, string id, ReadOnlySpan<byte> payload, int flags = 0)
        {
            if (_used + payload.Length > _arena.Length)
            {
                if (_used > 0 && _used + payload.Length > runBytes)
                    Spill();
                if (_used + payload.Length > _arena.Length)
                    Array.Resize(ref _arena, Math.Max(_used + payload.Length, Math.Min(runBytes, _arena.Length * 2)));
            }
            payload.CopyTo(_arena.AsSpan(_used));
            _entries.Add(new Entry(key, id, _used, payload.Length, flags));
            _used += payload.Length;
        }

        /// <summary>Adds a payload of <paramref name="lines"/> NDJSON lines with <paramref name="flags"/>.</summary>
        public void Add(long key, string id, ReadOnlySpan<byte> payload, int flags, int lines)
        {
            Add(key, id, payload, flags | (lines << 24));
        }

        private static int Compare(Entry x, Entry y)
        {
            int c = x.Key.CompareTo(y.Key);
            return c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
        }

        private void Spill()
        {
            _entries.Sort(Compare);
            string path = prefix + "." + _runs.Count.ToString(CultureInfo.InvariantCulture) + ".run";
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream))
            {
                foreach (var e in _entries)
                {
                    writer.Write(e.Key);
                    writer.Write(e.Id);
                    writer.Write(e.Flags);
                    writer.Write(e.Length);
                    writer.Write(_arena, e.Offset, e.Length);
                }
            }
            _runs.Add(path);
            _entries.Clear();
            _used = 0;
        }

        /// <summary>Writes all lines in order, each payload through <paramref name="select"/> (flags, payload → the bytes to
        /// write); returns the number of resources written.</summary>
        public int MergeInto(Stream output, Func<int, ReadOnlySpan<byte>, ReadOnlySpan<byte>> select, Action<long> progress, CancellationToken ct)
        {
            if (_entries.Count > 0)
                Spill();
            _arena = [];
            var readers = _runs.Select(r => new RunReader(r)).ToList();
            var queue = new PriorityQueue<RunReader, (long Key, string Id)>(Comparer<(long Key, string Id)>.Create((x, y) =>
            {
                int c = x.Key.CompareTo(y.Key);
                return c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
            }));
            foreach (var r in readers)
                if (r.Next()) queue.Enqueue(r, (r.Key, r.Id));
            long written = 0;
            try
            {
                while (queue.TryDequeue(out var r, out _))
                {
                    int flags = r.Flags;
                    int lines = flags >> 24;
                    var bytes = select(flags & 0xFFFFFF, r.Payload);
                    output.Write(bytes);
                    written += lines == 0 ? 1 : lines;
                    if ((written & 0xFFFF) == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                        progress(written);
                    }
                    if (r.Next()) queue.Enqueue(r, (r.Key, r.Id));
                }
            }
            finally
            {
                foreach (var r in readers) r.Dispose();
            }
            foreach (string run in _runs)
                File.Delete(run);
            _runs.Clear();
            return checked((int)written);
        }

        public void Dispose()
        {
            _entries.Clear();
            _arena = [];
        }
    }

    private sealed class RunReader(string path) : IDisposable
    {
        private readonly BinaryReader _reader = new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 15));
        private readonly long _end = new FileInfo(path).Length;
        private byte[] _payload = new byte[1024];
        private int _length;

        public long Key { get; private set; }
        public string Id { get; private set; } = string.Empty;
        public int Flags { get; private set; }
        public ReadOnlySpan<byte> Payload => _payload.AsSpan(0, _length);

        public bool Next()
        {
            if (_reader.BaseStream.Position >= _end)
                return false;
            Key = _reader.ReadInt64();
            Id = _reader.ReadString();
            Flags = _reader.ReadInt32();
            _length = _reader.ReadInt32();
            if (_payload.Length < _length)
                _payload = new byte[Math.Max(_length, _payload.Length * 2)];
            _reader.BaseStream.ReadExactly(_payload, 0, _length);
            return true;
        }

        public void Dispose() => _reader.Dispose();
    }
}
