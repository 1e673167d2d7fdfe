using System.Text.Json;
using PatientCentric.Records;

namespace PatientCentric.Serialization;

// The asynchronous read, for hosts that download a data set: the same data set, or the same errors, as Read.
public static partial class PracticeDataSetReader
{
    /// <summary>Reads and checks a data set as <see cref="Read"/> does, reading the stream asynchronously (the JSON is
    /// parsed as it arrives; the stream is not disposed).</summary>
    /// <param name="utf8Json">The JSON, UTF-8 encoded.</param>
    /// <param name="sourceName">The file or stream name used in error messages.</param>
    /// <param name="cancellationToken">Passed to every read.</param>
    /// <returns>The data set: the same as <see cref="Read"/> gives for the same bytes.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PatientCentricDataException">The data cannot be read or breaks the schema; every problem is listed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<PracticeDataSet> ReadAsync(Stream utf8Json, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(sourceName);
        PracticeDataSet? data;
        try
        {
            data = await JsonSerializer.DeserializeAsync(utf8Json, PatientCentricJsonContext.Default.PracticeDataSet, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new PatientCentricDataException([FromJsonException(e, sourceName)]);
        }
        catch (ArgumentException)
        {
            throw new PatientCentricDataException([new DataError("PC0109", sourceName, null, "$.period", "the period's end is before its start.")]);
        }
        if (data is null)
            throw new PatientCentricDataException([new DataError("PC0103", sourceName, null, "$", "the document is null; expected a data set object.")]);
        var errors = Check(data, sourceName);
        return errors.IsEmpty ? data : throw new PatientCentricDataException(errors);
    }
}
