using DogBreeds.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace DogBreeds.Functions.Models;

/// <summary>
/// <c>POST /api/models/{version}/promote</c>: points <c>current</c> at a published version (roll back or
/// forward). Every instance picks it up within <c>DogBreeds:ModelRefreshSeconds</c>.
/// </summary>
public sealed partial class PromoteModel(ModelStore store, ILogger<PromoteModel> logger)
{
    [Function(nameof(PromoteModel))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/{version}/promote")] HttpRequest request,
        string version,
        CancellationToken cancellationToken)
    {
        if (await store.GetVersionAsync(version, cancellationToken) is null)
        {
            return HttpAnswers.NotFound($"The model version '{version}' is not published, so it cannot be promoted.");
        }

        await store.SetCurrentAsync(version, cancellationToken);
        LogPromoted(version);
        return HttpAnswers.Ok((await store.GetVersionAsync(version, cancellationToken))!);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Promoted model {Version} to current")]
    private partial void LogPromoted(string version);
}
