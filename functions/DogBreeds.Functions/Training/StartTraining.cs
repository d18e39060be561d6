using System.Net;
using System.Text.Json;
using DogBreeds.Core.Backbones;
using DogBreeds.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace DogBreeds.Functions.Training;

/// <summary>
/// <c>POST /api/train</c> (admin): optional JSON options; starts <see cref="TrainEnsemble"/> and answers 202
/// with the Durable Functions status URLs. A bad option is a 400 naming it.
/// </summary>
public sealed class StartTraining(FeatureExtractor extractor)
{
    [Function(nameof(StartTraining))]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "train")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        TrainingPlan plan;
        try
        {
            var body = await HttpRequestDataJson.ReadOptionalAsync(request, new TrainingRequest(), cancellationToken);
            plan = TrainingPlan.Resolve(body, extractor.Key);
        }
        catch (JsonException ex)
        {
            return await HttpRequestDataJson.ErrorAsync(request, HttpStatusCode.BadRequest, $"The training options are not valid JSON: {ex.Message}", cancellationToken);
        }
        catch (ArgumentException ex)
        {
            return await HttpRequestDataJson.ErrorAsync(request, HttpStatusCode.BadRequest, ex.Message, cancellationToken);
        }

        string instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(TrainEnsemble), plan, cancellationToken);
        return await client.CreateCheckStatusResponseAsync(request, instanceId, cancellationToken);
    }
}
