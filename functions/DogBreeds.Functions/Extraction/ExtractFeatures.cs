using Azure.Storage.Blobs;
using DogBreeds.Functions.Hosting;
using DogBreeds.Functions.Storage;
using Microsoft.Azure.Functions.Worker;

namespace DogBreeds.Functions.Extraction;

/// <summary>
/// Blob trigger on the <c>images</c> inbox fed by Event Grid (Flex Consumption, Container Apps): the
/// storage account's BlobCreated events are pushed to
/// <c>/runtime/webhooks/blobs?functionName=Host.Functions.ExtractFeatures</c>. Switched off locally with
/// <c>AzureWebJobs.ExtractFeatures.Disabled=true</c>, where <see cref="ExtractFeaturesPolling"/> runs instead.
/// </summary>
public sealed class ExtractFeatures(PhotoFeatureWriter writer)
{
    [Function(nameof(ExtractFeatures))]
    public Task Run(
        [BlobTrigger(StorageLayout.ImagesContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = PhotoStorageConnection.Name)] BlobClient photo,
        string name,
        CancellationToken cancellationToken) =>
        writer.ExtractAsync(photo, name, cancellationToken);
}
