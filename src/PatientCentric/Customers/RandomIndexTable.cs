namespace PatientCentric.Customers;

/// <summary>A published table of AHP random indices RI(n), the mean consistency index of random reciprocal matrices
/// (docs/ahp.md). Every result names the table it used.</summary>
public enum RandomIndexTable
{
    /// <summary>Saaty (1980), the classic table: n = 1..10 (0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49). The default.</summary>
    Saaty1980,

    /// <summary>Saaty (2005), <i>Theory and Applications of the Analytic Network Process</i>, p. 31: n = 3..15 (AHPy <c>'saaty'</c>).</summary>
    Saaty2005,

    /// <summary>Donegan &amp; Dodd (1991), Mathematical and Computer Modelling 15(10): n = 3..15 (AHPy's default <c>'dd'</c>).</summary>
    DoneganDodd,

    /// <summary>Tummala &amp; Ling (1998), revised random indices: n = 3..15 (pymcdm).</summary>
    TummalaLing,
}
