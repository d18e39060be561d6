using DogBreeds.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace DogBreeds.Functions.Models;

/// <summary><c>GET /api/models/{version}</c>: one version with its metrics; 404 when it is not published.</summary>
public sealed class GetModel(ModelStore store)
{
    [Function(nameof(GetModel))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{version}")] HttpRequest request,
        string version,
        CancellationToken cancellationToken)
    {
        var info = await store.GetVersionAsync(version, cancellationToken);
        return info is null
            ? HttpAnswers.NotFound($"The model version '{version}' is not published (GET /api/models lists the versions).")
            : HttpAnswers.Ok(info);
    }
}
