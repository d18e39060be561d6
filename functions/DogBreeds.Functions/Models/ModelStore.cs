using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DogBreeds.Core.Models;
using DogBreeds.Functions.Http;
using DogBreeds.Functions.Storage;

namespace DogBreeds.Functions.Models;

/// <summary>
/// The <c>models</c> container: <c>&lt;version&gt;/model/*</c> (the files of <see cref="BreedModel.ToFiles"/>),
/// <c>&lt;version&gt;/metrics.json</c>, <c>&lt;version&gt;/submission.csv</c>, the <c>current</c> pointer (a text
/// blob naming a version) and <c>_runs/&lt;instance&gt;/</c> scratch blobs of orchestrations.
/// </summary>
public sealed class ModelStore
{
    private readonly ContainerGate _models;

    public ModelStore(BlobServiceClient service)
    {
        ArgumentNullException.ThrowIfNull(service);
        _models = new ContainerGate(service.GetBlobContainerClient(StorageLayout.ModelsContainer));
    }

    /// <summary>The current pointer, or null when no model is published yet.</summary>
    public async Task<ModelPointer?> GetPointerAsync(CancellationToken cancellationToken)
    {
        var container = await _models.ReadyAsync(cancellationToken);
        try
        {
            var content = await container.GetBlobClient(StorageLayout.CurrentPointer).DownloadContentAsync(cancellationToken);
            string version = content.Value.Content.ToString().Trim();
            return version.Length == 0 ? null : new ModelPointer(version, content.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>ETag of the current pointer (a HEAD request), or null when none is published.</summary>
    public async Task<string?> GetPointerETagAsync(CancellationToken cancellationToken)
    {
        var container = await _models.ReadyAsync(cancellationToken);
        try
        {
            var properties = await container.GetBlobClient(StorageLayout.CurrentPointer).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Loads one version's model files.</summary>
    /// <exception cref="KeyNotFoundException">The version has no model files.</exception>
    public async Task<BreedModel> LoadAsync(string version, CancellationToken cancellationToken)
    {
        var container = await _models.ReadyAsync(cancellationToken);
        string prefix = StorageLayout.ModelFolder(version);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken);
            files[item.Name[prefix.Length..]] = content.Value.Content.ToArray();
        }

        if (files.Count == 0)
        {
            throw new KeyNotFoundException($"The model version '{version}' has no files under models/{prefix}.");
        }

        return BreedModel.FromFiles(files);
    }

    /// <summary>Writes a version's model files and metrics; the pointer is moved separately.</summary>
    public async Task WriteVersionAsync(ModelVersionInfo info, BreedModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(model);
        var container = await _models.ReadyAsync(cancellationToken);
        foreach (var (file, bytes) in model.ToFiles())
        {
            await container.GetBlobClient(StorageLayout.ModelFolder(info.Version) + file)
                .UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, cancellationToken);
        }

        // metrics.json last: a version is listed only once all its files are there.
        await container.GetBlobClient(StorageLayout.MetricsBlob(info.Version)).UploadAsync(
            BinaryData.FromObjectAsJson(info with { IsCurrent = false }, HttpRequestDataJson.Options),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);
    }

    /// <summary>Points <c>current</c> at a published version (publish, roll back or forward).</summary>
    /// <exception cref="KeyNotFoundException">The version is not published.</exception>
    public async Task SetCurrentAsync(string version, CancellationToken cancellationToken)
    {
        if (await GetVersionAsync(version, cancellationToken) is null)
        {
            throw new KeyNotFoundException($"The model version '{version}' is not published.");
        }

        var container = await _models.ReadyAsync(cancellationToken);
        await container.GetBlobClient(StorageLayout.CurrentPointer).UploadAsync(
            BinaryData.FromString(version),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" } },
            cancellationToken);
    }

    /// <summary>One published version with its metrics, or null.</summary>
    public async Task<ModelVersionInfo?> GetVersionAsync(string version, CancellationToken cancellationToken)
    {
        if (!ModelVersionName.IsValid(version))
        {
            return null;
        }

        var container = await _models.ReadyAsync(cancellationToken);
        try
        {
            var content = await container.GetBlobClient(StorageLayout.MetricsBlob(version)).DownloadContentAsync(cancellationToken);
            var info = JsonSerializer.Deserialize<ModelVersionInfo>(content.Value.Content.ToMemory().Span, HttpRequestDataJson.Options);
            var pointer = await GetPointerAsync(cancellationToken);
            return info is null ? null : info with { IsCurrent = pointer?.Version == info.Version };
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every published version, newest first.</summary>
    public async Task<IReadOnlyList<ModelVersionInfo>> ListVersionsAsync(CancellationToken cancellationToken)
    {
        var container = await _models.ReadyAsync(cancellationToken);
        var pointer = await GetPointerAsync(cancellationToken);
        var versions = new List<ModelVersionInfo>();
        await foreach (var item in container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", prefix: null, cancellationToken))
        {
            if (!item.IsPrefix || !ModelVersionName.IsValid(item.Prefix.TrimEnd('/')))
            {
                continue;
            }

            try
            {
                var content = await container.GetBlobClient(StorageLayout.MetricsBlob(item.Prefix.TrimEnd('/'))).DownloadContentAsync(cancellationToken);
                var info = JsonSerializer.Deserialize<ModelVersionInfo>(content.Value.Content.ToMemory().Span, HttpRequestDataJson.Options);
                if (info is not null)
                {
                    versions.Add(info with { IsCurrent = pointer?.Version == info.Version });
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // A version still being written (no metrics.json yet) is not listed.
            }
        }

        return [.. versions.OrderByDescending(v => v.Version, StringComparer.Ordinal)];
    }

    /// <summary>Writes a scratch or output blob in the models container.</summary>
    public async Task WriteBlobAsync(string name, BinaryData content, string contentType, CancellationToken cancellationToken)
    {
        var container = await _models.ReadyAsync(cancellationToken);
        await container.GetBlobClient(name).UploadAsync(
            content,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);
    }

    /// <summary>Reads a blob of the models container.</summary>
    public async Task<BinaryData> ReadBlobAsync(string name, CancellationToken cancellationToken)
    {
        var container = await _models.ReadyAsync(cancellationToken);
        return (await container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content;
    }

    /// <summary>Opens a blob of the models container for writing (large CSVs).</summary>
    public async Task<Stream> OpenWriteAsync(string name, string contentType, CancellationToken cancellationToken)
    {
        var container = await _models.ReadyAsync(cancellationToken);
        return await container.GetBlobClient(name).OpenWriteAsync(
            overwrite: true,
            new BlobOpenWriteOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);
    }

    /// <summary>UTF-8 text of a blob of the models container.</summary>
    public async Task<string> ReadTextAsync(string name, CancellationToken cancellationToken) =>
        Encoding.UTF8.GetString((await ReadBlobAsync(name, cancellationToken)).ToMemory().Span);
}
