using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PatientCentric.Scoring;
using PatientCentric.Touchpoints;

namespace PatientCentric.Serialization;

// Writes and reads the serialized partial evaluation (docs/scale.md#the-serialized-partial): the header first, then the
// body; reading checks the header before anything else, then the whole document's syntax, then every field.
internal static class PartialSerializer
{
    private const string HostType = "host";

    private static PartialJsonContext Context => PartialJsonContext.Default;

    public static void Write(PartialState state, Stream stream)
    {
        var body = new PartialBody(state.PracticeName, state.TimeZone, state.Period, state.Profile, state.AsOf, state.Fingerprint,
            state.SurveyItems, state.ServiceLines,
            [.. state.Scopes.Select(s => new ScopeState(s.Scope, [.. s.Slots.Select(ToSlotState)]))],
            [.. state.Populations.OrderBy(p => Order(p.Key, state)).Select(p => new PopulationState(p.Key, p.Value.ToState()))],
            state.Patients, state.Reviews, state.SurveyRows, state.PracticeLevel) { TrendGrain = state.TrendGrain };
        JsonSerializer.Serialize(stream, new PartialDocument(PartialFormat.Schema, PartialFormat.Version, body), Context.PartialDocument);
    }

    // The per-patient outputs, one compact JSON line per patient (rank, cards, plan), in the order given.
    public static void WritePatients(ImmutableArray<PatientPartial> patients, Stream stream) => WriteLines(patients, Context.PatientPartial, stream);

    // One compact JSON line per item, in the order given.
    private static void WriteLines<T>(ImmutableArray<T> items, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream);
        foreach (var item in items)
        {
            JsonSerializer.Serialize(writer, item, type);
            writer.Flush();
            stream.WriteByte((byte)'\n');
            writer.Reset(stream);
        }
        stream.Flush();
    }

    // A k-way merge of streams WritePatients wrote, by rank (the streams' patients are disjoint); lazy, one line of each
    // stream held at a time. Lines are read as UTF-8 bytes and deserialized from them: never decoded to strings.
    public static IEnumerable<PatientResult> ReadPatients(IReadOnlyList<Stream> streams)
    {
        var readers = new Utf8LineReader[streams.Count];
        var lines = new long[streams.Count];
        try
        {
            for (int i = 0; i < streams.Count; i++)
                readers[i] = new Utf8LineReader(streams[i]);
            var queue = new PriorityQueue<(PatientPartial Patient, int Stream), (PatientRank Rank, int Stream)>(
                Comparer<(PatientRank Rank, int Stream)>.Create((a, b) => a.Rank.CompareTo(b.Rank) is var c && c != 0 ? c : a.Stream.CompareTo(b.Stream)));
            void Next(int i)
            {
                if (ReadPatient(readers[i], ref lines[i]) is { } p)
                    queue.Enqueue((p, i), (p.Rank, i));
            }
            for (int i = 0; i < readers.Length; i++)
                Next(i);
            while (queue.TryDequeue(out var top, out _))
            {
                yield return new PatientResult(top.Patient.Cards, top.Patient.Plan);
                Next(top.Stream);
            }
        }
        finally
        {
            foreach (var r in readers)
                r?.Dispose();
        }
    }

    private static PatientPartial? ReadPatient(Utf8LineReader reader, ref long line)
    {
        const string P = "$";
        if (ReadLine(reader, ref line, Context.PatientPartial, "not a patient's outputs as written.") is not { } patient)
            return null;
        PartialFormat.Need(patient.Rank.PatientKey, P + ".rank.patientKey");
        PartialFormat.Need(patient.Rank.Tiebreak, P + ".rank.tiebreak");
        PartialFormat.Need(patient.Cards, P + ".cards");
        return patient;
    }

    // The next line of a file WriteLines wrote, deserialized from its UTF-8 bytes; null at the end. A line that is not
    // UTF-8, not such a JSON object, or null is PC0123 naming the line (never a value).
    private static T? ReadLine<T>(Utf8LineReader reader, ref long line, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string notAsWritten)
        where T : class
    {
        if (!reader.TryReadLine(out var text))
            return null;
        line++;
        const string P = "$";
        if (!System.Text.Unicode.Utf8.IsValid(text))
            throw PartialFormat.Error(PartialFormat.FieldCode, P, notAsWritten, line);
        T? item;
        try
        {
            item = JsonSerializer.Deserialize(text, type);
        }
        catch (JsonException e)
        {
            throw PartialFormat.Error(PartialFormat.FieldCode, PartialFormat.Join(P, e.Path), notAsWritten, line);
        }
        return PartialFormat.Need(item, P);
    }

    // The coded survey rows behind the loyalty drivers, one compact JSON line per row, in the order given (canonical).
    public static void WriteSurveyRows(ImmutableArray<SurveyRowPartial> rows, Stream stream) => WriteLines(rows, Context.SurveyRowPartial, stream);

    // The codes of own's rows and of the rows WriteSurveyRows wrote to streams, k-way merged into the canonical order
    // (returned on, then id; on a tie own first, then the streams in their order: what merging the partials left to right
    // and sorting stably gives). Lazy: one line of each stream held at a time. Every row must hold width codes.
    public static IEnumerable<int[]> ReadSurveyRows(ImmutableArray<SurveyRowPartial> own, IReadOnlyList<Stream> streams, int width)
    {
        var readers = new Utf8LineReader[streams.Count];
        var lines = new long[streams.Count];
        var last = new SurveyRowPartial?[streams.Count];
        try
        {
            for (int i = 0; i < streams.Count; i++)
                readers[i] = new Utf8LineReader(streams[i]);
            var queue = new PriorityQueue<(SurveyRowPartial Row, int Source), (SurveyRowPartial Row, int Source)>(
                Comparer<(SurveyRowPartial Row, int Source)>.Create((a, b) => CompareRows(a.Row, b.Row) is var c && c != 0 ? c : a.Source.CompareTo(b.Source)));
            int ownNext = 0;
            void Next(int source)   // -1: own
            {
                SurveyRowPartial? row;
                if (source < 0)
                    row = ownNext < own.Length ? own[ownNext++] : null;
                else if ((row = ReadSurveyRow(readers[source], ref lines[source], width)) is not null)
                {
                    if (last[source] is { } previous && CompareRows(previous, row) > 0)
                        throw PartialFormat.Error(PartialFormat.FieldCode, "$", "survey rows out of their order (returned on, then id).", lines[source]);
                    last[source] = row;
                }
                if (row is not null)
                    queue.Enqueue((row, source), (row, source));
            }
            Next(-1);
            for (int i = 0; i < readers.Length; i++)
                Next(i);
            while (queue.TryDequeue(out var top, out _))
            {
                yield return [.. top.Row.Codes];
                Next(top.Source);
            }
        }
        finally
        {
            foreach (var r in readers)
                r?.Dispose();
        }
    }

    private static int CompareRows(SurveyRowPartial a, SurveyRowPartial b) =>
        a.ReturnedOn.CompareTo(b.ReturnedOn) is var c && c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);

    private static SurveyRowPartial? ReadSurveyRow(Utf8LineReader reader, ref long line, int width)
    {
        const string P = "$";
        if (ReadLine(reader, ref line, Context.SurveyRowPartial, "not a coded survey row as written.") is not { } row)
            return null;
        PartialFormat.Need(row.Id, P + ".id");
        var codes = PartialFormat.Need(row.Codes, P + ".codes");
        if (codes.Length != width)
            throw PartialFormat.Error(PartialFormat.FieldCode, P + ".codes", "a coded survey row holds another number of answers than the survey items call for.", line);
        for (int k = 0; k < codes.Length; k++)
        {
            if (codes[k] < -1)
                throw PartialFormat.Error(PartialFormat.FieldCode, PartialFormat.At(P + ".codes", k), "a coded answer must be -1 (missing) or a category's place, 0 or more.", line);
        }
        return row;
    }

    // The practice first, then the service lines in the partial's order.
    private static int Order(ScoreScope scope, PartialState state)
    {
        if (scope.Level == ScopeLevel.Practice)
            return -1;
        for (int i = 0; i < state.ServiceLines.Length; i++)
            if (string.Equals(state.ServiceLines[i].Key, scope.Key, StringComparison.Ordinal)) return i;
        return state.ServiceLines.Length;
    }

    private static SlotState ToSlotState(SlotPartial slot)
    {
        if (slot.Kind != SlotKind.Combiner)
            return new SlotState(slot.ScorerKey, slot.Role, slot.Kind, null, null, slot.Cards) { BucketCards = slot.BucketCards.IsEmpty ? null : slot.BucketCards };
        string? type = null;
        JsonElement? json = null;
        if (slot.Accumulator is not null)
        {
            var whole = WriteAccumulator(slot.Accumulator, slot);
            (type, json) = (whole.Type, whole.Json);
        }
        return new SlotState(slot.ScorerKey, slot.Role, slot.Kind, type, json, [])
        {
            Buckets = slot.Buckets.IsEmpty ? null : [.. slot.Buckets.Select(b => WriteAccumulator(b, slot)).Select(x => new BucketAccumulatorState(x.Type, x.Json))],
        };
    }

    private static (string Type, JsonElement Json) WriteAccumulator(object accumulator, SlotPartial slot) =>
        accumulator switch
        {
            SurveyCounts a => ("surveyCounts", JsonSerializer.SerializeToElement(a.ToState(), Context.SurveyCountsState)),
            NoShowDenominator a => ("noShowDenominator", JsonSerializer.SerializeToElement(a.ToState(), Context.NoShowDenominatorState)),
            PortalResponseScorer.Accumulator a => ("portalResponse", JsonSerializer.SerializeToElement(a.ToState(), Context.PortalResponseState)),
            BillingExperienceScorer.Accumulator a => ("billingExperience", JsonSerializer.SerializeToElement(a.ToState(), Context.BillingExperienceState)),
            CallCenterScorer.Accumulator a => ("callCenter", JsonSerializer.SerializeToElement(a.ToState(), Context.CallCenterState)),
            CycleTimeScorer.Accumulator a => ("cycleTime", JsonSerializer.SerializeToElement(a.ToState(), Context.CycleTimeState)),
            TnaaScorer.Accumulator a => ("tnaa", JsonSerializer.SerializeToElement(a.ToState(), Context.TnaaState)),
            OnTimeStartScorer.Accumulator a => ("onTimeStart", JsonSerializer.SerializeToElement(a.ToState(), Context.OnTimeStartState)),
            LeadTimeScorer.Accumulator a => ("leadTime", JsonSerializer.SerializeToElement(a.ToState(), Context.LeadTimeState)),
            AccessRatesScorer.Accumulator a => ("accessRates", JsonSerializer.SerializeToElement(a.ToState(), Context.AccessRatesState)),
            WaitToBeSeenScorer.Accumulator a => ("waitToBeSeen", JsonSerializer.SerializeToElement(a.ToState(), Context.WaitToBeSeenState)),
            FollowUpContactScorer.Accumulator a => ("followUpContact", JsonSerializer.SerializeToElement(a.ToState(), Context.FollowUpContactState)),
            ClaimsScorer.Accumulator a => ("claims", JsonSerializer.SerializeToElement(a.ToState(), Context.ClaimsState)),
            PendingAccumulator p => (HostType, p.Json),
            { } a when slot.Scorer is ISerializableTouchpointCombiner s => (HostType, JsonSerializer.SerializeToElement(a, s.AccumulatorTypeInfo)),
            _ => throw new NotSupportedException($"The scorer \"{slot.ScorerKey}\" is a combiner whose accumulator cannot be serialized: " +
                "implement ISerializableTouchpointCombiner<TAccumulator> to carry its partial between processes (docs/extending.md)."),
        };

    public static PartialState Read(Stream stream)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        var json = StrictJsonText.WithoutBom(bytes);
        CheckHeaderAndSyntax(json.Span);
        PartialDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json.Span, Context.PartialDocument);
        }
        catch (JsonException e)
        {
            throw FromJsonException(e, "$");
        }
        catch (ArgumentException e)
        {
            // A record's constructor refused a value (a period that ends before it starts, a card whose value disagrees with its status).
            throw PartialFormat.Field("$.body", $"a value is out of range: {WithoutParameter(e)}");
        }
        try
        {
            return ToState(PartialFormat.Need(document, "$"));
        }
        catch (OverflowException)
        {
            throw PartialFormat.Field("$.body", "a count is too large to add up.");
        }
    }

    // The header first (an object whose first field is "schema" and second "version"), then the rest of the syntax; a
    // stream that ends early is truncated, anything else that is not JSON is malformed.
    private static void CheckHeaderAndSyntax(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, default);
        if (!Next(ref reader))
            throw PartialFormat.Error(PartialFormat.NotJsonCode, "$", json.Trim(" \t\r\n"u8).IsEmpty
                ? "the stream is empty; expected a partial evaluation."
                : "the stream ends before the first value is complete: truncated.");
        if (reader.TokenType != JsonTokenType.StartObject)
            throw PartialFormat.Error(PartialFormat.SchemaCode, "$", $"not a partial evaluation: expected an object whose first field is \"schema\": \"{PartialFormat.Schema}\".");
        if (!Next(ref reader))
            throw Truncated();
        if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("schema"u8))
            throw PartialFormat.Error(PartialFormat.SchemaCode, "$", $"not a partial evaluation: the first field must be \"schema\": \"{PartialFormat.Schema}\".");
        if (!Next(ref reader))
            throw Truncated();
        if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(PartialFormat.Schema))
            throw PartialFormat.Error(PartialFormat.SchemaCode, "$.schema", $"not a partial evaluation: the schema must be \"{PartialFormat.Schema}\".");
        if (!Next(ref reader))
            throw Truncated();
        if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("version"u8))
            throw PartialFormat.Error(PartialFormat.VersionCode, "$", $"the second field must be \"version\"; this library reads version {PartialFormat.Version}.");
        if (!Next(ref reader))
            throw Truncated();
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int version))
            throw PartialFormat.Error(PartialFormat.VersionCode, "$.version", $"the version must be a whole number; this library reads version {PartialFormat.Version}.");
        if (version != PartialFormat.Version)
            throw PartialFormat.Error(PartialFormat.VersionCode, "$.version", string.Create(CultureInfo.InvariantCulture,
                $"this partial is version {version}; this library reads version {PartialFormat.Version} only (write and read partials with the same release)."));
        while (reader.CurrentDepth > 0 || reader.TokenType != JsonTokenType.EndObject)
        {
            if (!Next(ref reader))
                throw Truncated();
        }
        if (!json[(int)reader.BytesConsumed..].Trim(" \t\r\n"u8).IsEmpty)
            throw PartialFormat.Error(PartialFormat.NotJsonCode, "$", "text follows the end of the document.");

        static PatientCentricDataException Truncated() =>
            PartialFormat.Error(PartialFormat.NotJsonCode, "$", "the stream ends before the document does: truncated.");
    }

    // The next token, false at the end of the data; malformed JSON is an error with its line (no text of it is echoed).
    private static bool Next(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException e)
        {
            long? line = e.LineNumber is { } l ? l + 1 : null;
            throw PartialFormat.Error(PartialFormat.NotJsonCode, "$", "not valid JSON" + (e.BytePositionInLine is { } b
                ? string.Create(CultureInfo.InvariantCulture, $" (at byte {b + 1} of the line).") : "."), line);
        }
    }

    private static PartialState ToState(PartialDocument d)
    {
        var b = PartialFormat.Need(d.Body, "$.body");
        const string P = "$.body";
        var serviceLines = PartialFormat.Need(b.ServiceLines, P + ".serviceLines");
        var lineKeys = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < serviceLines.Length; i++)
        {
            string at = PartialFormat.At(P + ".serviceLines", i);
            var line = PartialFormat.Need(serviceLines[i], at);
            PartialFormat.Need(line.Name, at + ".name");
            if (!lineKeys.Add(PartialFormat.Need(line.Key, at + ".key")))
                throw PartialFormat.Field(at + ".key", "a service line is listed twice.");
        }
        var scopes = PartialFormat.Need(b.Scopes, P + ".scopes");
        var populations = PartialFormat.Need(b.Populations, P + ".populations");
        var patients = PartialFormat.Need(b.Patients, P + ".patients");
        for (int i = 0; i < patients.Length; i++)
        {
            string at = PartialFormat.At(P + ".patients", i);
            var patient = PartialFormat.Need(patients[i], at);
            PartialFormat.Need(patient.Rank.PatientKey, at + ".rank.patientKey");
            PartialFormat.Need(patient.Rank.Tiebreak, at + ".rank.tiebreak");
            PartialFormat.Need(patient.Cards, at + ".cards");
        }
        var reviews = PartialFormat.Need(b.Reviews, P + ".reviews");
        for (int i = 0; i < reviews.Length; i++)
        {
            string at = PartialFormat.At(P + ".reviews", i);
            PartialFormat.Need(PartialFormat.Need(reviews[i], at).Text, at + ".text");
            PartialFormat.Need(reviews[i].Id, at + ".id");
        }
        var rows = PartialFormat.Need(b.SurveyRows, P + ".surveyRows");
        for (int i = 0; i < rows.Length; i++)
        {
            string at = PartialFormat.At(P + ".surveyRows", i);
            PartialFormat.Need(PartialFormat.Need(rows[i], at).Id, at + ".id");
            var codes = PartialFormat.Need(rows[i].Codes, at + ".codes");
            for (int k = 0; k < codes.Length; k++)
            {
                if (codes[k] < -1)
                    throw PartialFormat.Field(PartialFormat.At(at + ".codes", k), "a coded answer must be -1 (missing) or a category's place, 0 or more.");
            }
        }
        if (b.PracticeLevel is { } level)
        {
            PartialFormat.Need(level.Digest, P + ".practiceLevel.digest");
            PartialFormat.Need(level.AssumptionBindings, P + ".practiceLevel.assumptionBindings");
            PartialFormat.Need(level.KpiSeries, P + ".practiceLevel.kpiSeries");
        }
        int bucketCount = b.TrendGrain is { } trendGrain ? PeriodBuckets.Create(b.Period, trendGrain).Count : 0;
        var populationScopes = ImmutableDictionary.CreateBuilder<ScoreScope, PopulationAccumulator>();
        for (int i = 0; i < populations.Length; i++)
        {
            string at = PartialFormat.At(P + ".populations", i);
            var population = PartialFormat.Need(populations[i], at);
            if (!populationScopes.TryAdd(population.Scope, PopulationAccumulator.FromState(population.Measures, at + ".measures", bucketCount)))
                throw PartialFormat.Field(at + ".scope", "a scope is listed twice.");
        }
        var scopePartials = ImmutableArray.CreateRange(scopes.Select((s, i) => ToScope(s, PartialFormat.At(P + ".scopes", i))));
        CheckBuckets(scopePartials, bucketCount);
        return new PartialState
        {
            PracticeName = PartialFormat.Need(b.PracticeName, P + ".practiceName"),
            TimeZone = PartialFormat.Need(b.TimeZone, P + ".timeZone"),
            Period = b.Period,
            Profile = PartialFormat.Need(b.Profile, P + ".profile"),
            AsOf = b.AsOf,
            Fingerprint = PartialFormat.Need(b.Fingerprint, P + ".fingerprint"),
            SurveyItems = PartialFormat.Need(b.SurveyItems, P + ".surveyItems"),
            ServiceLines = serviceLines,
            Scopes = scopePartials,
            Populations = populationScopes.ToImmutable(),
            Patients = patients,
            Reviews = reviews,
            SurveyRows = rows,
            PracticeLevel = b.PracticeLevel,
            TrendGrain = b.TrendGrain,
        };
    }

    // Every slot carries one accumulator (or card list) per period bucket of the trend grain, or none when trends are off.
    private static void CheckBuckets(ImmutableArray<ScopePartial> scopes, int bucketCount)
    {
        for (int i = 0; i < scopes.Length; i++)
        {
            for (int k = 0; k < scopes[i].Slots.Length; k++)
            {
                var slot = scopes[i].Slots[k];
                int expected = slot.Kind == SlotKind.Blocked ? 0 : bucketCount;
                int found = slot.Kind == SlotKind.Combiner ? slot.Buckets.Length : slot.BucketCards.Length;
                if (found != expected)
                {
                    throw PartialFormat.Field(PartialFormat.At(PartialFormat.At("$.body.scopes", i) + ".slots", k),
                        $"the slot holds {found} period bucket(s) where the partial's trend grain and period call for {expected}.");
                }
            }
        }
    }

    private static ScopePartial ToScope(ScopeState? scope, string path)
    {
        scope = PartialFormat.Need(scope, path);
        var slots = PartialFormat.Need(scope.Slots, path + ".slots");
        return new ScopePartial(scope.Scope, [.. slots.Select((s, i) => ToSlot(s, PartialFormat.At(path + ".slots", i)))]);
    }

    private static SlotPartial ToSlot(SlotState? slot, string path)
    {
        slot = PartialFormat.Need(slot, path);
        string key = PartialFormat.Need(slot.Scorer, path + ".scorer");
        if (slot.Kind != SlotKind.Combiner)
        {
            if (slot.Accumulator is not null || slot.AccumulatorType is not null || slot.Buckets is not null)
                throw PartialFormat.Field(path + ".accumulator", "only a combiner's slot holds an accumulator.");
            return new SlotPartial(key, slot.Role, slot.Kind, null, PartialFormat.Need(slot.Cards, path + ".cards"))
            {
                BucketCards = slot.BucketCards is { } perBucket ? [.. perBucket.Select((c, i) => PartialFormat.Need(c, PartialFormat.At(path + ".bucketCards", i)))] : [],
            };
        }
        if (!PartialFormat.Need(slot.Cards, path + ".cards").IsEmpty || slot.BucketCards is not null)
            throw PartialFormat.Field(path + ".cards", "a combiner's slot holds an accumulator, not cards.");
        var buckets = slot.Buckets is { } states
            ? ImmutableArray.CreateRange(states.Select((b, i) =>
            {
                string at = PartialFormat.At(path + ".buckets", i);
                b = PartialFormat.Need(b, at);
                return ReadAccumulator(PartialFormat.Need(b.AccumulatorType, at + ".accumulatorType"), b.Accumulator, at + ".accumulator", at);
            }))
            : [];
        if (slot.AccumulatorType is null && slot.Accumulator is null && !buckets.IsEmpty)
            return new SlotPartial(key, slot.Role, slot.Kind, null, []) { Buckets = buckets };   // the whole period is the buckets' merge
        string type = PartialFormat.Need(slot.AccumulatorType, path + ".accumulatorType");
        return new SlotPartial(key, slot.Role, slot.Kind, ReadAccumulator(type, slot.Accumulator, path + ".accumulator", path), []) { Buckets = buckets };
    }

    private static object ReadAccumulator(string type, JsonElement? value, string at, string path)
    {
        if (value is not { ValueKind: JsonValueKind.Object } json)
            throw PartialFormat.Field(at, "required; must be an object.");
        return type switch
        {
            "surveyCounts" => SurveyCounts.FromState(Read(json, Context.SurveyCountsState, at), at),
            "noShowDenominator" => NoShowDenominator.FromState(Read(json, Context.NoShowDenominatorState, at), at),
            "portalResponse" => PortalResponseScorer.Accumulator.FromState(Read(json, Context.PortalResponseState, at), at),
            "billingExperience" => BillingExperienceScorer.Accumulator.FromState(Read(json, Context.BillingExperienceState, at), at),
            "callCenter" => CallCenterScorer.Accumulator.FromState(Read(json, Context.CallCenterState, at), at),
            "cycleTime" => CycleTimeScorer.Accumulator.FromState(Read(json, Context.CycleTimeState, at), at),
            "tnaa" => TnaaScorer.Accumulator.FromState(Read(json, Context.TnaaState, at), at),
            "onTimeStart" => OnTimeStartScorer.Accumulator.FromState(Read(json, Context.OnTimeStartState, at), at),
            "leadTime" => LeadTimeScorer.Accumulator.FromState(Read(json, Context.LeadTimeState, at), at),
            "accessRates" => AccessRatesScorer.Accumulator.FromState(Read(json, Context.AccessRatesState, at), at),
            "waitToBeSeen" => WaitToBeSeenScorer.Accumulator.FromState(Read(json, Context.WaitToBeSeenState, at), at),
            "followUpContact" => FollowUpContactScorer.Accumulator.FromState(Read(json, Context.FollowUpContactState, at), at),
            "claims" => ClaimsScorer.Accumulator.FromState(Read(json, Context.ClaimsState, at), at),
            HostType => new PendingAccumulator(json, at),
            _ => throw PartialFormat.Field(path + ".accumulatorType", "not an accumulator type this library knows."),
        };
    }

    private static T Read<T>(JsonElement json, JsonTypeInfo<T> typeInfo, string path) where T : class
    {
        try
        {
            return PartialFormat.Need(json.Deserialize(typeInfo), path);
        }
        catch (JsonException e)
        {
            throw FromJsonException(e, path);
        }
    }

    // A host accumulator read with its combiner's type information (at Merge or Finish, when the evaluator is known).
    public static object ReadHost(PendingAccumulator pending, ISerializableTouchpointCombiner combiner)
    {
        try
        {
            return pending.Json.Deserialize(combiner.AccumulatorTypeInfo) ?? throw PartialFormat.Field(pending.Path, "required; must not be null.");
        }
        catch (JsonException e)
        {
            throw FromJsonException(e, pending.Path);
        }
    }

    // The serializer's message without its position suffix and without any piece of the input it quotes, at the path joined to where it was read.
    private static PatientCentricDataException FromJsonException(JsonException e, string path)
    {
        string message = e.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut >= 0)
            message = message[..cut];
        if (message.StartsWith('\'')) // malformed JSON: the parser quotes a piece of the input, which can be a name
            message = StrictJsonText.SyntaxReason(message) + ".";
        int missing = message.IndexOf("missing required properties including:", StringComparison.Ordinal);
        if (missing >= 0)
            message = "required field(s) missing:" + message[(missing + "missing required properties including:".Length)..];
        else if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            message = "unknown field.";
        else if (message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal))
            message = "wrong type or value for this field.";
        return PartialFormat.Field(PartialFormat.Join(path, e.Path), message);
    }

    private static string WithoutParameter(ArgumentException e) =>
        e.ParamName is { } p ? e.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal) : e.Message;
}
