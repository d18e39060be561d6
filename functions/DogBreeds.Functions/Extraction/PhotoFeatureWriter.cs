using Azure.Storage.Blobs;
using DogBreeds.Core.Backbones;
using DogBreeds.Core.Features;
using DogBreeds.Core.Images;
using DogBreeds.Functions.Hosting;
using DogBreeds.Functions.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DogBreeds.Functions.Extraction;

/// <summary>
/// The work behind both extraction triggers: inbox blob -> SHA-256 -> (feature blob exists? stop) -> CNN ->
/// conditional create of the feature blob. A photo that can never be read is recorded under
/// <c>features/_rejected/</c> and the invocation succeeds (no retry); storage failures propagate so the
/// runtime retries and, past <c>poisonBlobThreshold</c>, parks the blob in the poison queue.
/// </summary>
public sealed partial class PhotoFeatureWriter(
    FeatureExtractor extractor,
    FeatureStore store,
    IOptions<DogBreedsOptions> options,
    TimeProvider time,
    ILogger<PhotoFeatureWriter> logger)
{
    /// <summary>Processes one inbox blob (name relative to the <c>images</c> container).</summary>
    public async Task<ExtractionOutcome> ExtractAsync(BlobClient photoBlob, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photoBlob);
        if (!InboxPhoto.TryParse(name, out var photo))
        {
            LogSkipped(name);
            return ExtractionOutcome.Skipped;
        }

        var properties = (await photoBlob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        string etag = properties.ETag.ToString();
        long maxBytes = options.Value.MaxUploadBytes;
        if (properties.ContentLength > maxBytes)
        {
            return await RejectAsync(
                photo, PhotoProblem.TooLarge,
                $"The photo '{photo.Path}' is {properties.ContentLength} bytes, over the limit of {maxBytes} bytes (setting DogBreeds:MaxUploadBytes).",
                etag, cancellationToken);
        }

        if (properties.ContentLength == 0)
        {
            return await RejectAsync(photo, PhotoProblem.Empty, $"The photo '{photo.Path}' is empty (0 bytes).", etag, cancellationToken);
        }

        byte[] bytes = (await photoBlob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        string sha256 = PhotoHash.Sha256Hex(bytes);

        var existing = await store.FindAsync(extractor.Key, sha256, cancellationToken);
        if (existing is not null)
        {
            if (!string.Equals(existing.Path, photo.Path, StringComparison.Ordinal))
            {
                LogSameBytes(photo.Path, existing.Path);
            }

            return ExtractionOutcome.AlreadyExtracted;
        }

        float[] features;
        long started = time.GetTimestamp();
        try
        {
            features = extractor.Extract(bytes, photo.Path);
        }
        catch (InvalidPhotoException ex)
        {
            return await RejectAsync(photo, ex.Problem, ex.Message, etag, cancellationToken);
        }

        double milliseconds = time.GetElapsedTime(started).TotalMilliseconds;
        bool created = await store.TryCreateAsync(extractor.Key, sha256, features, photo.Path, photo.Breed, cancellationToken);
        LogExtracted(photo.Path, extractor.Key, milliseconds, created);
        return created ? ExtractionOutcome.Extracted : ExtractionOutcome.AlreadyExtracted;
    }

    private async Task<ExtractionOutcome> RejectAsync(InboxPhoto photo, PhotoProblem problem, string reason, string etag, CancellationToken cancellationToken)
    {
        await store.RejectAsync(new PhotoRejection(photo.Path, problem.ToString(), reason, etag, time.GetUtcNow()), cancellationToken);
        LogRejected(photo.Path, reason);
        return ExtractionOutcome.Rejected;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {Blob}: not a photo under train/ or test/")]
    private partial void LogSkipped(string blob);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Photo} has the same bytes as {FirstPath}: the feature blob keeps the first path")]
    private partial void LogSameBytes(string photo, string? firstPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Extracted {Photo} with {Backbone} in {Ms:F0} ms (written: {Written})")]
    private partial void LogExtracted(string photo, string backbone, double ms, bool written);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Photo}: {Reason}")]
    private partial void LogRejected(string photo, string reason);
}
