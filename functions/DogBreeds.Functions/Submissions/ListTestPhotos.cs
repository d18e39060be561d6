using Microsoft.Azure.Functions.Worker;

namespace DogBreeds.Functions.Submissions;

/// <summary>Activity: lists the <c>test/</c> photos into a run blob.</summary>
public sealed class ListTestPhotos(SubmissionScorer scorer)
{
    [Function(nameof(ListTestPhotos))]
    public Task<TestPhotoList> Run([ActivityTrigger] string runId, CancellationToken cancellationToken) =>
        scorer.ListAsync(runId, cancellationToken);
}
