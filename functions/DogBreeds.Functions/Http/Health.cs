using DogBreeds.Functions.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace DogBreeds.Functions.Http;

/// <summary><c>GET /api/health</c> (anonymous): 200 when the photo storage answers, with the current model version.</summary>
public sealed class Health(ModelStore store)
{
    [Function(nameof(Health))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        try
        {
            var pointer = await store.GetPointerAsync(cancellationToken);
            return HttpAnswers.Ok(new HealthAnswer("healthy", pointer?.Version));
        }
        catch (Azure.RequestFailedException ex)
        {
            return HttpAnswers.Error(StatusCodes.Status503ServiceUnavailable, $"The photo storage (connection PhotoStorage) does not answer: {ex.Message}");
        }
    }
}
