using DogBreeds.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace DogBreeds.Functions.Models;

/// <summary><c>GET /api/models</c>: published versions with their metrics, newest first.</summary>
public sealed class ListModels(ModelStore store)
{
    [Function(nameof(ListModels))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var versions = await store.ListVersionsAsync(cancellationToken);
        return HttpAnswers.Ok(new ModelList(versions.FirstOrDefault(v => v.IsCurrent)?.Version, versions));
    }
}
