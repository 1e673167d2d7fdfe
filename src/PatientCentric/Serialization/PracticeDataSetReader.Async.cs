using PatientCentric.Records;

namespace PatientCentric.Serialization;

// The asynchronous read, for hosts that download a data set: the same data set, or the same errors, as Read.
public static partial class PracticeDataSetReader
{
    /// <summary>Reads and checks a data set as <see cref="Read"/> does, reading the stream asynchronously (the stream is not
    /// disposed). The bytes are gathered first, as <see cref="Read"/> gathers them: the strict UTF-8 and schema checks
    /// look at the whole document before it is deserialized, so every problem is listed with its line.</summary>
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
        using var buffer = new MemoryStream();
        await utf8Json.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return Read(buffer, sourceName);
    }
}
