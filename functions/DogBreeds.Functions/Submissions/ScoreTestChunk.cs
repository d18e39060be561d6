using Microsoft.Azure.Functions.Worker;

namespace DogBreeds.Functions.Submissions;

/// <summary>Activity: scores one chunk of test photos into a partial CSV.</summary>
public sealed class ScoreTestChunk(SubmissionScorer scorer)
{
    [Function(nameof(ScoreTestChunk))]
    public Task<ChunkReference> Run([ActivityTrigger] ScoreChunkInput input, CancellationToken cancellationToken) =>
        scorer.ScoreChunkAsync(input, cancellationToken);
}
