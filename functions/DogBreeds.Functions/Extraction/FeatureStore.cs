using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DogBreeds.Core.Features;
using DogBreeds.Functions.Http;
using DogBreeds.Functions.Storage;

namespace DogBreeds.Functions.Extraction;

/// <summary>
/// The <c>features</c> container: one blob per (backbone key, photo SHA-256), encoded with
/// <see cref="FeatureVectorCodec"/>, metadata <c>path</c>/<c>label</c>/<c>backbone</c> (percent-encoded); and
/// <c>_rejected/</c> records of photos that can never be read.
/// </summary>
public sealed class FeatureStore
{
    private readonly ContainerGate _features;

    public FeatureStore(BlobServiceClient service)
    {
        ArgumentNullException.ThrowIfNull(service);
        _features = new ContainerGate(service.GetBlobContainerClient(StorageLayout.FeaturesContainer));
    }

    /// <summary>The first photo stored under these bytes, or null when no feature blob exists yet.</summary>
    public async Task<StoredFeatures?> FindAsync(string backboneKey, string sha256, CancellationToken cancellationToken)
    {
        var container = await _features.ReadyAsync(cancellationToken);
        string name = StorageLayout.FeatureBlob(backboneKey, sha256);
        try
        {
            var properties = await container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken);
            return ToStored(name, sha256, properties.Value.Metadata);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The features of a photo, or null when none are stored.</summary>
    public async Task<float[]?> TryReadAsync(string backboneKey, string sha256, CancellationToken cancellationToken)
    {
        var container = await _features.ReadyAsync(cancellationToken);
        try
        {
            var content = await container.GetBlobClient(StorageLayout.FeatureBlob(backboneKey, sha256)).DownloadContentAsync(cancellationToken);
            return FeatureVectorCodec.Decode(content.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Reads a listed feature blob.</summary>
    public async Task<float[]> ReadAsync(string blobName, CancellationToken cancellationToken)
    {
        var container = await _features.ReadyAsync(cancellationToken);
        var content = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
        return FeatureVectorCodec.Decode(content.Value.Content.ToMemory().Span);
    }

    /// <summary>
    /// Writes the feature blob unless one exists (conditional create, If-None-Match *): true when this call
    /// wrote it, false when another invocation got there first.
    /// </summary>
    public async Task<bool> TryCreateAsync(string backboneKey, string sha256, float[] features, string path, string? label, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        var container = await _features.ReadyAsync(cancellationToken);
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            Metadata = new Dictionary<string, string>
            {
                [BlobMetadataText.PathKey] = BlobMetadataText.Encode(path),
                [BlobMetadataText.LabelKey] = BlobMetadataText.Encode(label ?? string.Empty),
                [BlobMetadataText.BackboneKey] = BlobMetadataText.Encode(backboneKey),
            },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
        };

        try
        {
            await container.GetBlobClient(StorageLayout.FeatureBlob(backboneKey, sha256))
                .UploadAsync(BinaryData.FromBytes(FeatureVectorCodec.Encode(features)), options, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Every feature blob of one backbone key, with the path and label it was first stored under.</summary>
    public async IAsyncEnumerable<StoredFeatures> ListAsync(string backboneKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = await _features.ReadyAsync(cancellationToken);
        string prefix = StorageLayout.FeaturePrefix(backboneKey);
        await foreach (var item in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken))
        {
            string file = item.Name[prefix.Length..];
            if (file.Contains('/', StringComparison.Ordinal) || !file.EndsWith(".f32", StringComparison.Ordinal))
            {
                continue;
            }

            yield return ToStored(item.Name, file[..^4], item.Metadata);
        }
    }

    /// <summary>Records a photo that can never be read; it is not retried.</summary>
    public async Task RejectAsync(PhotoRejection rejection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var container = await _features.ReadyAsync(cancellationToken);
        var json = BinaryData.FromObjectAsJson(rejection, HttpRequestDataJson.Options);
        await container.GetBlobClient(StorageLayout.RejectedBlob(rejection.Path)).UploadAsync(
            json,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);
    }

    /// <summary>The rejection record of an inbox path, or null.</summary>
    public async Task<PhotoRejection?> FindRejectionAsync(string path, CancellationToken cancellationToken)
    {
        var container = await _features.ReadyAsync(cancellationToken);
        try
        {
            var content = await container.GetBlobClient(StorageLayout.RejectedBlob(path)).DownloadContentAsync(cancellationToken);
            return JsonSerializer.Deserialize<PhotoRejection>(content.Value.Content.ToMemory().Span, HttpRequestDataJson.Options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Inbox paths with a rejection record under <paramref name="pathPrefix"/> (e.g. <c>train/</c>).</summary>
    public async Task<HashSet<string>> ListRejectedPathsAsync(string pathPrefix, CancellationToken cancellationToken)
    {
        var container = await _features.ReadyAsync(cancellationToken);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, StorageLayout.RejectedPrefix + pathPrefix, cancellationToken))
        {
            if (item.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                paths.Add(item.Name[StorageLayout.RejectedPrefix.Length..^5]);
            }
        }

        return paths;
    }

    private static StoredFeatures ToStored(string name, string sha256, IDictionary<string, string> metadata) =>
        new(name, sha256, BlobMetadataText.Decode(metadata, BlobMetadataText.PathKey), BlobMetadataText.Decode(metadata, BlobMetadataText.LabelKey));
}
