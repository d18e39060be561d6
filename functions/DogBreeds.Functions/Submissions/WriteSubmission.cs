using Microsoft.Azure.Functions.Worker;

namespace DogBreeds.Functions.Submissions;

/// <summary>Activity (fan-in): joins the partial CSVs into the Kaggle submission beside the model version.</summary>
public sealed class WriteSubmission(SubmissionScorer scorer)
{
    [Function(nameof(WriteSubmission))]
    public Task<SubmissionResult> Run([ActivityTrigger] WriteSubmissionInput input, CancellationToken cancellationToken) =>
        scorer.WriteAsync(input, cancellationToken);
}
