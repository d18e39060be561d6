using System.Net;
using DogBreeds.Functions.Hosting;
using DogBreeds.Functions.Http;
using DogBreeds.Functions.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DogBreeds.Functions.Submissions;

/// <summary>
/// <c>POST /api/submissions</c> (admin): scores every photo under <c>images/test/</c> with the current model
/// into a Kaggle <c>submission.csv</c> beside the model version; answers 202 with the status URLs, or 503
/// before a model is published.
/// </summary>
public sealed class StartSubmission(ModelStore models, IOptions<DogBreedsOptions> options)
{
    [Function(nameof(StartSubmission))]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "submissions")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var pointer = await models.GetPointerAsync(cancellationToken);
        if (pointer is null)
        {
            var answer = HttpAnswers.NoModel();
            return await HttpRequestDataJson.ErrorAsync(request, HttpStatusCode.ServiceUnavailable, ((ErrorAnswer)answer.Value!).Error, cancellationToken);
        }

        string instanceId = await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ScoreTestPhotos), new SubmissionJob(pointer.Version, options.Value.SubmissionChunkSize), cancellationToken);
        return await client.CreateCheckStatusResponseAsync(request, instanceId, cancellationToken);
    }
}
