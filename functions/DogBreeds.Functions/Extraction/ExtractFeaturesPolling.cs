using Azure.Storage.Blobs;
using DogBreeds.Functions.Hosting;
using DogBreeds.Functions.Storage;
using Microsoft.Azure.Functions.Worker;

namespace DogBreeds.Functions.Extraction;

/// <summary>
/// Classic polling blob trigger on the <c>images</c> inbox (container scan + storage logs): what Azurite and
/// plans without Event Grid support. Same work as <see cref="ExtractFeatures"/>; switched off in Azure with
/// <c>AzureWebJobs.ExtractFeaturesPolling.Disabled=true</c>.
/// </summary>
public sealed class ExtractFeaturesPolling(PhotoFeatureWriter writer)
{
    [Function(nameof(ExtractFeaturesPolling))]
    public Task Run(
        [BlobTrigger(StorageLayout.ImagesContainer + "/{name}", Connection = PhotoStorageConnection.Name)] BlobClient photo,
        string name,
        CancellationToken cancellationToken) =>
        writer.ExtractAsync(photo, name, cancellationToken);
}
