using PatientCentric.Scoring;

namespace PatientCentric.Cli;

/// <summary>Merges the population-level partials of a partitioned run as the partitions finish, so that the run holds a
/// few partials at a time, not one per partition (docs/scale.md#per-patient-outputs-on-disk): partials are taken in
/// partition order (one that finishes early waits for those before it) and merged like a binary counter, the last two
/// whenever they cover the same number of partitions, so each partial takes part in about log₂ P merges. Merging is
/// exact in any grouping and order, so the result is the evaluation of one pass; the grouping depends only on the
/// partition count, so every run merges alike. Thread-safe: workers call <see cref="Add"/> concurrently.</summary>
internal sealed class PartialFold(PracticeEvaluator evaluator, int count)
{
    private readonly Lock _gate = new();
    private readonly EvaluationPartial?[] _waiting = new EvaluationPartial?[count];   // finished, not yet taken in order
    private readonly List<(EvaluationPartial Partial, int Level)> _stack = [];        // level: 2^level partitions merged
    private int _next;

    /// <summary>Gets how many partials are held now (waiting or merged, for tests).</summary>
    public int Held
    {
        get
        {
            lock (_gate)
                return _stack.Count + _waiting.Count(p => p is not null);
        }
    }

    /// <summary>Takes partition <paramref name="index"/>'s partial and merges what is ready.</summary>
    /// <param name="index">The partition, from 0 to the count − 1; each once.</param>
    /// <param name="partial">Its partial (without its patients).</param>
    public void Add(int index, EvaluationPartial partial)
    {
        ArgumentNullException.ThrowIfNull(partial);
        lock (_gate)
        {
            if (index < _next || _waiting[index] is not null)
                throw new InvalidOperationException("A partition's partial was added twice.");
            _waiting[index] = partial;
            while (_next < _waiting.Length && _waiting[_next] is { } ready)
            {
                _waiting[_next++] = null;
                _stack.Add((ready, 0));
                while (_stack.Count >= 2 && _stack[^1].Level == _stack[^2].Level)
                {
                    var merged = evaluator.Merge(_stack[^2].Partial, _stack[^1].Partial);
                    int level = _stack[^1].Level + 1;
                    _stack.RemoveRange(_stack.Count - 2, 2);
                    _stack.Add((merged, level));
                }
            }
        }
    }

    /// <summary>Replaces every partial held now (waiting or merged) by <paramref name="change"/> of it, under the fold's
    /// lock, so that no <see cref="Add"/> merges meanwhile: for taking the patients' outputs out of them
    /// (<see cref="EvaluationPartial.WithoutPatients"/>) once they no longer fit in memory.</summary>
    /// <param name="change">Called once per held partial that has patients' outputs, in partition order.</param>
    public void ChangeHeld(Func<EvaluationPartial, EvaluationPartial> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            for (int i = 0; i < _stack.Count; i++)
            {
                if (_stack[i].Partial.PatientCount > 0)
                    _stack[i] = (change(_stack[i].Partial), _stack[i].Level);
            }
            for (int i = 0; i < _waiting.Length; i++)
            {
                if (_waiting[i] is { PatientCount: > 0 } waiting)
                    _waiting[i] = change(waiting);
            }
        }
    }

    /// <summary>The merge of every partition's partial; call once all are added.</summary>
    /// <returns>The merged partial.</returns>
    public EvaluationPartial Result()
    {
        lock (_gate)
        {
            if (_next != _waiting.Length || _stack.Count == 0)
                throw new InvalidOperationException("Not every partition's partial was added.");
            while (_stack.Count > 1)
            {
                var merged = evaluator.Merge(_stack[^2].Partial, _stack[^1].Partial);
                _stack.RemoveRange(_stack.Count - 2, 2);
                _stack.Add((merged, int.MaxValue));
            }
            return _stack[0].Partial;
        }
    }
}
