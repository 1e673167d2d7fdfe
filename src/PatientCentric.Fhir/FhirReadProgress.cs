namespace PatientCentric.Fhir;

/// <summary>How far a read has come; reported through <see cref="IProgress{T}"/> after each file and every 10,000
/// resources. Carries a file name and counts only.</summary>
/// <param name="FileName">The file being read or just finished (without folder).</param>
/// <param name="FilesDone">Files finished so far.</param>
/// <param name="FilesTotal">Files in the read.</param>
/// <param name="ResourcesRead">Resources (lines or Bundle entries) read so far.</param>
public sealed record FhirReadProgress(string FileName, int FilesDone, int FilesTotal, int ResourcesRead);
