using System.Collections.Immutable;
using System.Globalization;

namespace PatientCentric.Customers;

/// <summary>Saaty's Analytic Hierarchy Process: priorities by power iteration, consistency, random indices and
/// hierarchical synthesis, exactly as docs/ahp.md specifies.</summary>
/// <remarks>Sources: Saaty TL (1980) <i>The Analytic Hierarchy Process</i>; Saaty TL (2008) Int J Services Sciences
/// 1(1):83–98; random indices from Saaty (1980, 2005), Donegan &amp; Dodd (1991) and Tummala &amp; Ling (1998).
/// Cross-checked against Python <c>AHPy</c> (<c>Compare</c>) and <c>pymcdm</c>. Pure and thread-safe.</remarks>
public static class AnalyticHierarchyProcess
{
    /// <summary>The power-iteration tolerance: iteration stops when no weight moves by this much or more.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>The most power-iteration steps taken before the status is <see cref="AhpStatus.NotConverged"/>.</summary>
    public const int MaximumIterations = 10_000;

    private static readonly ImmutableArray<double> Saaty1980 = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];
    private static readonly ImmutableArray<double> Saaty2005 = [0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59];
    private static readonly ImmutableArray<double> DoneganDodd = [0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643, 1.4822, 1.4969];
    private static readonly ImmutableArray<double> TummalaLing = [0.5799, 0.8921, 1.1159, 1.2358, 1.3322, 1.3952, 1.4537, 1.4882, 1.5117, 1.5356, 1.5571, 1.5714, 1.5831];

    /// <summary>Returns the largest matrix order <paramref name="table"/> covers: 10 for <see cref="RandomIndexTable.Saaty1980"/>, 15 for the others.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The largest n.</returns>
    public static int MaximumOrder(RandomIndexTable table) => table == RandomIndexTable.Saaty1980 ? 10 : 15;

    /// <summary>Returns RI(<paramref name="n"/>) from <paramref name="table"/>; 0 for n ≤ 2.</summary>
    /// <param name="table">The table.</param>
    /// <param name="n">The matrix order, 1 to <see cref="MaximumOrder"/>.</param>
    /// <returns>The random index.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 1 or beyond the table (n &gt; 10 needs a table other than Saaty 1980).</exception>
    public static double RandomIndex(RandomIndexTable table, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        int max = MaximumOrder(table);
        if (n > max)
            throw new ArgumentOutOfRangeException(nameof(n), n, string.Create(CultureInfo.InvariantCulture,
                $"The {table} random-index table covers n from 1 to {max}; choose {(table == RandomIndexTable.Saaty1980 ? "Saaty2005, DoneganDodd or TummalaLing" : "fewer items")}."));
        if (n <= 2)
            return 0;
        return table switch
        {
            RandomIndexTable.Saaty1980 => Saaty1980[n - 1],
            RandomIndexTable.Saaty2005 => Saaty2005[n - 3],
            RandomIndexTable.DoneganDodd => DoneganDodd[n - 3],
            RandomIndexTable.TummalaLing => TummalaLing[n - 3],
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Unknown random-index table."),
        };
    }

    /// <summary>Computes the priorities of <paramref name="matrix"/> and their consistency.</summary>
    /// <param name="matrix">The reciprocal matrix.</param>
    /// <param name="table">The random-index table; the default is Saaty (1980).</param>
    /// <returns>The weights (principal right eigenvector normalised to sum 1), λmax, CI, CR and status.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The matrix is larger than <paramref name="table"/> covers.</exception>
    /// <remarks>Power iteration: <c>w⁰ = 1/n</c>; <c>wᵏ⁺¹ = A wᵏ / Σ(A wᵏ)</c>; stop when <c>max |wᵏ⁺¹ − wᵏ| &lt; 1e−12</c>,
    /// or after 10,000 steps with status <see cref="AhpStatus.NotConverged"/>. λmax = mean of <c>(A w)ᵢ / wᵢ</c>;
    /// CI = (λmax − n)/(n − 1); CR = CI/RI(n); n ≤ 2 gives CI = CR = 0; consistent when CR ≤ 0.10.</remarks>
    public static AhpPriorities Prioritise(PairwiseComparisonMatrix matrix, RandomIndexTable table = RandomIndexTable.Saaty1980)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.Count;
        double ri = RandomIndex(table, n);
        var w = new double[n];
        Array.Fill(w, 1.0 / n);
        var next = new double[n];
        int iterations = 0;
        bool converged = false;
        while (iterations < MaximumIterations)
        {
            Multiply(matrix, w, next);
            double sum = next.Sum();
            double change = 0;
            for (int i = 0; i < n; i++)
            {
                next[i] /= sum;
                change = Math.Max(change, Math.Abs(next[i] - w[i]));
            }
            (w, next) = (next, w);
            iterations++;
            if (change < Tolerance)
            {
                converged = true;
                break;
            }
        }
        Multiply(matrix, w, next);
        double lambda = 0;
        for (int i = 0; i < n; i++)
            lambda += next[i] / w[i];
        lambda /= n;
        double ci = n <= 2 ? 0 : (lambda - n) / (n - 1);
        double cr = n <= 2 ? 0 : ci / ri;
        var status = !converged ? AhpStatus.NotConverged : cr <= AhpPriorities.MaximumConsistentRatio ? AhpStatus.Ok : AhpStatus.Inconsistent;
        return new AhpPriorities(matrix.Items, [.. w], lambda, ci, cr, table, ri, iterations, status);
    }

    /// <summary>Synthesises a hierarchy: each node's local priorities, and the alternatives' global weights as the
    /// sum over paths from the goal of the product of local weights (exact; no rounding at any node).</summary>
    /// <param name="nodes">The goal and criteria. Exactly one node (the goal) is no other node's item; a node's items
    /// are either all other nodes (sub-criteria) or exactly the alternatives (a leaf criterion).</param>
    /// <param name="alternatives">The alternatives, distinct.</param>
    /// <param name="table">The random-index table for every node.</param>
    /// <returns>The synthesis.</returns>
    /// <exception cref="ArgumentException">Names repeat; there is no single goal; a node mixes criteria and
    /// alternatives, or names an item that is neither; a leaf does not compare every alternative; or the hierarchy has a cycle or an unreachable node.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A node is larger than <paramref name="table"/> covers.</exception>
    public static AhpHierarchyResult Synthesize(IEnumerable<AhpNode> nodes, IEnumerable<string> alternatives,
                                                RandomIndexTable table = RandomIndexTable.Saaty1980)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(alternatives);
        var all = nodes.ToArray();
        var alts = alternatives.ToImmutableArray();
        if (alts.IsEmpty || alts.Distinct(StringComparer.Ordinal).Count() != alts.Length)
            throw new ArgumentException("The alternatives must be at least one distinct name.", nameof(alternatives));
        var byName = new Dictionary<string, AhpNode>(StringComparer.Ordinal);
        foreach (var node in all)
        {
            if (!byName.TryAdd(node.Name, node))
                throw new ArgumentException($"Two nodes are named \"{node.Name}\".", nameof(nodes));
            if (alts.Contains(node.Name, StringComparer.Ordinal))
                throw new ArgumentException($"The node \"{node.Name}\" has the name of an alternative.", nameof(nodes));
        }
        var altSet = alts.ToHashSet(StringComparer.Ordinal);
        foreach (var node in all)
        {
            var items = node.Comparisons.Items;
            bool allNodes = items.All(byName.ContainsKey);
            bool allAlts = items.All(altSet.Contains);
            if (!allNodes && !allAlts)
            {
                string stray = items.FirstOrDefault(i => !byName.ContainsKey(i) && !altSet.Contains(i)) ?? items.First(altSet.Contains);
                throw new ArgumentException(byName.ContainsKey(stray) || altSet.Contains(stray)
                    ? $"The node \"{node.Name}\" mixes criteria and alternatives among its items."
                    : $"The node \"{node.Name}\" names \"{stray}\", which is neither a node nor an alternative.", nameof(nodes));
            }
            if (allAlts && !allNodes && items.Length != alts.Length)
                throw new ArgumentException($"The leaf criterion \"{node.Name}\" must compare every alternative.", nameof(nodes));
        }
        var children = all.SelectMany(n => n.Comparisons.Items).Where(byName.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var goals = all.Where(n => !children.Contains(n.Name)).ToArray();
        if (goals.Length != 1)
            throw new ArgumentException(goals.Length == 0
                ? "No node is the goal: every node is another node's item (the hierarchy has a cycle)."
                : $"Exactly one node must be no other node's item (the goal), but {goals.Length} are: {string.Join(", ", goals.Select(g => $"\"{g.Name}\""))}.", nameof(nodes));
        var goal = goals[0];

        var priorities = all.ToDictionary(n => n.Name, n => Prioritise(n.Comparisons, table), StringComparer.Ordinal);
        var order = TopologicalOrder(goal.Name, byName)
            ?? throw new ArgumentException("The hierarchy has a cycle.", nameof(nodes));
        if (order.Count != all.Length)
            throw new ArgumentException("Every node must be reachable from the goal.", nameof(nodes));
        var global = new Dictionary<string, double>(StringComparer.Ordinal) { [goal.Name] = 1.0 };
        var altWeights = new double[alts.Length];
        foreach (string name in order)
        {
            double g = global.GetValueOrDefault(name);
            var p = priorities[name];
            for (int i = 0; i < p.Items.Length; i++)
            {
                string item = p.Items[i];
                if (byName.ContainsKey(item))
                    global[item] = global.GetValueOrDefault(item) + (g * p.Weights[i]);
                else
                    altWeights[alts.IndexOf(item, StringComparer.Ordinal)] += g * p.Weights[i];
            }
        }
        var results = order.Select(n => new AhpNodeResult(n, global[n], priorities[n])).ToImmutableArray();
        var ordered = results.OrderBy(r => r.Name == goal.Name ? -1 : Array.FindIndex(all, n => n.Name == r.Name)).ToImmutableArray();
        return new AhpHierarchyResult(goal.Name, alts, [.. altWeights], ordered);
    }

    // Kahn's algorithm from the goal: a node is visited after all its parents, so its global weight is complete.
    private static List<string>? TopologicalOrder(string goal, Dictionary<string, AhpNode> byName)
    {
        var reachable = new HashSet<string>(StringComparer.Ordinal) { goal };
        var stack = new Stack<string>([goal]);
        while (stack.Count > 0)
        {
            foreach (string c in byName[stack.Pop()].Comparisons.Items.Where(byName.ContainsKey))
            {
                if (reachable.Add(c))
                    stack.Push(c);
            }
        }
        var indegree = reachable.ToDictionary(n => n, _ => 0, StringComparer.Ordinal);
        foreach (string n in reachable)
        {
            foreach (string c in byName[n].Comparisons.Items.Where(byName.ContainsKey))
                indegree[c]++;
        }
        var order = new List<string>();
        var ready = new Queue<string>(reachable.Where(n => indegree[n] == 0));
        while (ready.Count > 0)
        {
            string n = ready.Dequeue();
            order.Add(n);
            foreach (string c in byName[n].Comparisons.Items.Where(byName.ContainsKey))
            {
                if (--indegree[c] == 0)
                    ready.Enqueue(c);
            }
        }
        return order.Count == reachable.Count ? order : null;
    }

    private static void Multiply(PairwiseComparisonMatrix a, double[] w, double[] result)
    {
        int n = a.Count;
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++)
                s += a[i, j] * w[j];
            result[i] = s;
        }
    }
}
