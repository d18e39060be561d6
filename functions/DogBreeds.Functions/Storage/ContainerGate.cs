using Azure.Storage.Blobs;

namespace DogBreeds.Functions.Storage;

/// <summary>Creates a container once per process before its first use (Azurite starts empty; Azure's come from infra).</summary>
internal sealed class ContainerGate(BlobContainerClient container)
{
    private readonly Lazy<Task> _created = new(() => container.CreateIfNotExistsAsync());

    public BlobContainerClient Container => container;

    public async Task<BlobContainerClient> ReadyAsync(CancellationToken cancellationToken)
    {
        await _created.Value.WaitAsync(cancellationToken);
        return container;
    }
}
