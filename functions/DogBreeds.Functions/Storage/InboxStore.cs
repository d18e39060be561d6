using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace DogBreeds.Functions.Storage;

/// <summary>Read access to the <c>images</c> inbox for training and bulk scoring.</summary>
public sealed class InboxStore
{
    private readonly ContainerGate _images;

    public InboxStore(BlobServiceClient service)
    {
        ArgumentNullException.ThrowIfNull(service);
        _images = new ContainerGate(service.GetBlobContainerClient(StorageLayout.ImagesContainer));
    }

    /// <summary>The photos under <paramref name="prefix"/> (<c>train/</c> or <c>test/</c>) in name order; other blobs are left out.</summary>
    public async IAsyncEnumerable<InboxPhoto> ListPhotosAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = await _images.ReadyAsync(cancellationToken);
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            if (InboxPhoto.TryParse(item.Name, out var photo))
            {
                yield return photo;
            }
        }
    }

    /// <summary>The bytes of an inbox blob.</summary>
    public async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var container = await _images.ReadyAsync(cancellationToken);
        return (await container.GetBlobClient(path).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
    }

    /// <summary>The text of an inbox blob, or null when it does not exist.</summary>
    public async Task<string?> TryReadTextAsync(string path, CancellationToken cancellationToken)
    {
        var container = await _images.ReadyAsync(cancellationToken);
        try
        {
            return (await container.GetBlobClient(path).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
