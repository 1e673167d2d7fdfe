using System.Diagnostics;

namespace PatientCentric.Value;

/// <summary>Eigen-decomposition of a small dense symmetric matrix by the cyclic Jacobi method: <c>A = P Δ Pᵀ</c>.</summary>
/// <remarks>Source: Golub GH, Van Loan CF (2013), Matrix Computations, 4th ed., §8.5 (cyclic Jacobi); rotation formulas as
/// in Press et al., Numerical Recipes, §11.1. Accurate to machine precision for the correlation matrices of key-driver
/// analysis (p up to a few hundred); cost about 10 sweeps of <c>O(p³)</c>. Pure, thread-safe.</remarks>
internal static class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <summary>Decomposes the symmetric <paramref name="n"/>×<paramref name="n"/> row-major matrix <paramref name="matrix"/>.</summary>
    /// <param name="matrix">The matrix, row-major; only read.</param>
    /// <param name="n">The dimension.</param>
    /// <param name="values">Receives the n eigenvalues (unsorted, in the order of the columns of <paramref name="vectors"/>).</param>
    /// <param name="vectors">Receives the orthonormal eigenvectors as the columns of an n×n row-major matrix.</param>
    public static void Decompose(ReadOnlySpan<double> matrix, int n, Span<double> values, Span<double> vectors)
    {
        Debug.Assert(matrix.Length == n * n && values.Length == n && vectors.Length == n * n);
        double[] a = matrix.ToArray();
        vectors.Clear();
        for (int i = 0; i < n; i++)
            vectors[(i * n) + i] = 1;

        double total = 0;
        foreach (double x in a)
            total += x * x;
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                    off += a[(p * n) + q] * a[(p * n) + q];
            }
            if (off <= 1e-34 * total)
                break;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                    Rotate(a, vectors, n, p, q);
            }
        }
        for (int i = 0; i < n; i++)
            values[i] = a[(i * n) + i];
    }

    // One Jacobi rotation Pᵀ A P that zeroes a[p,q]; cot 2φ = (a_qq − a_pp) / (2 a_pq), t = tan φ the smaller root.
    private static void Rotate(double[] a, Span<double> v, int n, int p, int q)
    {
        double apq = a[(p * n) + q];
        if (apq == 0)
            return;
        double theta = (a[(q * n) + q] - a[(p * n) + p]) / (2 * apq);
        double t = (theta >= 0 ? 1.0 : -1.0) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
        double c = 1 / Math.Sqrt((t * t) + 1), s = t * c;
        for (int k = 0; k < n; k++)
        {
            double akp = a[(k * n) + p], akq = a[(k * n) + q];
            a[(k * n) + p] = (c * akp) - (s * akq);
            a[(k * n) + q] = (s * akp) + (c * akq);
        }
        for (int k = 0; k < n; k++)
        {
            double apk = a[(p * n) + k], aqk = a[(q * n) + k];
            a[(p * n) + k] = (c * apk) - (s * aqk);
            a[(q * n) + k] = (s * apk) + (c * aqk);
        }
        a[(p * n) + q] = a[(q * n) + p] = 0;   // exactly zero by construction; removes rounding residue
        for (int k = 0; k < n; k++)
        {
            double vkp = v[(k * n) + p], vkq = v[(k * n) + q];
            v[(k * n) + p] = (c * vkp) - (s * vkq);
            v[(k * n) + q] = (s * vkp) + (c * vkq);
        }
    }
}
