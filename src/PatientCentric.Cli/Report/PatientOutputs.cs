using PatientCentric.Jobs;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Cli.Report;

/// <summary>The per-patient outputs a report writes (patient cards and support plans): the evaluation's own arrays, or,
/// in a partitioned run, the partitions' files on disk merged into the canonical patient order each time they are
/// enumerated, so that the writers stream them and the whole set is never in memory (docs/scale.md#per-patient-outputs-on-disk).</summary>
internal sealed class PatientOutputs
{
    private readonly PracticeEvaluation? _evaluation;
    private readonly IReadOnlyList<string> _files = [];
    private readonly CancellationToken _cancellationToken;

    private PatientOutputs(PracticeEvaluation? evaluation, IReadOnlyList<string> files, CancellationToken cancellationToken) =>
        (_evaluation, _files, _cancellationToken) = (evaluation, files, cancellationToken);

    /// <summary>The outputs <paramref name="evaluation"/> holds.</summary>
    public static PatientOutputs Of(PracticeEvaluation evaluation) => new(evaluation, [], default);

    /// <summary>The outputs in <paramref name="files"/>, each written by <see cref="EvaluationPartial.WritePatientsTo"/>;
    /// reading checks <paramref name="cancellationToken"/> before each patient.</summary>
    public static PatientOutputs OnDisk(IReadOnlyList<string> files, CancellationToken cancellationToken) => new(null, files, cancellationToken);

    /// <summary>Gets whether the outputs are on disk rather than in the evaluation.</summary>
    public bool OnDiskOnly => _evaluation is null;

    /// <summary>Gets the patient cards in order; each enumeration reads the files again.</summary>
    public IEnumerable<ScoreCard> Cards => _evaluation is { } e ? e.PatientCards : Read().SelectMany(p => p.Cards);

    /// <summary>Gets the support plans in order; each enumeration reads the files again.</summary>
    public IEnumerable<SupportPlan> Plans => _evaluation is { } e ? e.SupportPlans : Read().Select(p => p.Plan).OfType<SupportPlan>();

    /// <summary>Gives every patient card to <paramref name="card"/> and every support plan to <paramref name="plan"/>, in
    /// order, reading the files once (rather than once for the cards and once for the plans).</summary>
    public void Visit(Action<ScoreCard> card, Action<SupportPlan> plan)
    {
        if (_evaluation is { } e)
        {
            foreach (var c in e.PatientCards)
                card(c);
            foreach (var p in e.SupportPlans)
                plan(p);
            return;
        }
        foreach (var patient in Read())
        {
            foreach (var c in patient.Cards)
                card(c);
            if (patient.Plan is { } p)
                plan(p);
        }
    }

    // A file that cannot be opened or read back as written (damaged, truncated, removed) throws
    // PatientOutputsReadException: one clear line and exit 2, as a damaged partition file gives.
    private IEnumerable<PatientResult> Read()
    {
        var streams = new List<Stream>(_files.Count);
        try
        {
            IEnumerator<PatientResult> patients;
            try
            {
                foreach (var file in _files)
                    streams.Add(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan));
                patients = EvaluationPartial.ReadPatients(streams).GetEnumerator();
            }
            catch (Exception e) when (IsDamage(e))
            {
                throw new PatientOutputsReadException(e);
            }
            using (patients)
            {
                while (true)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        if (!patients.MoveNext())
                            break;
                    }
                    catch (Exception e) when (IsDamage(e))
                    {
                        throw new PatientOutputsReadException(e);
                    }
                    yield return patients.Current;
                }
            }
        }
        finally
        {
            foreach (var s in streams)
                s.Dispose();
        }
    }

    internal static bool IsDamage(Exception e) =>
        e is PatientCentricDataException or IOException or UnauthorizedAccessException or InvalidDataException or System.Text.DecoderFallbackException;
}

/// <summary>A temporary file of the patients' outputs could not be read back: a clear one-line failure (exit 2), naming
/// the kind of failure, never a record's value.</summary>
internal sealed class PatientOutputsReadException(Exception inner)
    : Exception($"cannot read back a temporary file of the patients' outputs ({inner.GetType().Name}); check the free space and permissions of the temporary folder (--temp).", inner);

/// <summary>The counts the support-plan sections show, gathered in one pass over the plans: how many patients have a
/// plan, how many jobs they hold, and per job kind the patients, barriers and suggested supports.</summary>
internal sealed class SupportPlanSummary
{
    /// <summary>Gets an empty summary, for <see cref="Add"/>.</summary>
    public static SupportPlanSummary Empty => new();

    private SupportPlanSummary()
    {
    }

    /// <summary>Gets how many patients have a plan.</summary>
    public int Patients { get; private set; }

    /// <summary>Gets how many jobs the plans hold together.</summary>
    public int Jobs { get; private set; }

    /// <summary>Gets per job kind, in the kind's order: the patients with such a job, and the barrier and support counts.</summary>
    public SortedDictionary<PatientJobKind, Kind> Kinds { get; } = [];

    private readonly HashSet<PatientJobKind> _kindsOfPlan = [];

    /// <summary>Counts <paramref name="plans"/> (one per patient).</summary>
    public static SupportPlanSummary Of(IEnumerable<SupportPlan> plans)
    {
        var summary = new SupportPlanSummary();
        foreach (var plan in plans)
            summary.Add(plan);
        return summary;
    }

    /// <summary>Counts one more patient's <paramref name="plan"/>.</summary>
    public void Add(SupportPlan plan)
    {
        Patients++;
        _kindsOfPlan.Clear();
        foreach (var item in plan.Items)
        {
            Jobs++;
            if (!Kinds.TryGetValue(item.JobKind, out var kind))
                Kinds.Add(item.JobKind, kind = new Kind());
            if (_kindsOfPlan.Add(item.JobKind))
                kind.Patients++;
            kind.Barriers[item.Barrier] = kind.Barriers.GetValueOrDefault(item.Barrier) + 1;
            foreach (var support in item.Supports)
                kind.Supports[support] = kind.Supports.GetValueOrDefault(support) + 1;
        }
    }

    /// <summary>One job kind's counts.</summary>
    internal sealed class Kind
    {
        /// <summary>Gets how many patients have a job of this kind in their plan.</summary>
        public int Patients { get; set; }

        /// <summary>Gets how many jobs of this kind name each barrier.</summary>
        public Dictionary<JobBarrier, int> Barriers { get; } = [];

        /// <summary>Gets how many times each support is suggested for jobs of this kind.</summary>
        public Dictionary<SupportAction, int> Supports { get; } = [];

        /// <summary>The barriers with their counts, most frequent first, then in their order.</summary>
        public string BarrierText() =>
            string.Join(", ", Barriers.OrderByDescending(b => b.Value).ThenBy(b => b.Key).Select(b => $"{PlainWords.Of(b.Key)} {CardText.Count(b.Value)}"));

        /// <summary>The supports with their counts, most frequent first, then in their order.</summary>
        public string SupportText() =>
            string.Join(", ", Supports.OrderByDescending(a => a.Value).ThenBy(a => a.Key).Select(a => $"{PlainWords.Of(a.Key)} {CardText.Count(a.Value)}"));
    }
}
