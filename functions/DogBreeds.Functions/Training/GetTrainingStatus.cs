using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DogBreeds.Functions.Training;

/// <summary><c>GET /api/train/{id}</c> (admin): the run's status, stage, and once done its metrics and version.</summary>
public sealed class GetTrainingStatus
{
    [Function(nameof(GetTrainingStatus))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "train/{id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken) =>
        OrchestrationStatusReader.AnswerAsync<TrainingResult>(client, id, nameof(TrainEnsemble), cancellationToken);
}
