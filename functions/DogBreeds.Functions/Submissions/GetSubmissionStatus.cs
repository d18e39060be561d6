using DogBreeds.Functions.Training;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DogBreeds.Functions.Submissions;

/// <summary><c>GET /api/submissions/{id}</c> (admin): the bulk-scoring run's status and, once done, where submission.csv is.</summary>
public sealed class GetSubmissionStatus
{
    [Function(nameof(GetSubmissionStatus))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "submissions/{id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) =>
        OrchestrationStatusReader.AnswerAsync<SubmissionResult>(client, id, nameof(ScoreTestPhotos), cancellationToken);
}
