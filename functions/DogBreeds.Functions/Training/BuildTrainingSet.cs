using Microsoft.Azure.Functions.Worker;

namespace DogBreeds.Functions.Training;

/// <summary>Activity: feature blobs + labels -> one data set blob and the shared preparation.</summary>
public sealed class BuildTrainingSet(TrainingSetBuilder builder)
{
    [Function(nameof(BuildTrainingSet))]
    public Task<TrainingSetReference> Run([ActivityTrigger] BuildTrainingSetInput input, CancellationToken cancellationToken) =>
        builder.BuildAsync(input, cancellationToken);
}
