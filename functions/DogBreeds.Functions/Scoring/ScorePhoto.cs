using System.Globalization;
using DogBreeds.Core.Images;
using DogBreeds.Core.Models;
using DogBreeds.Functions.Hosting;
using DogBreeds.Functions.Http;
using DogBreeds.Functions.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace DogBreeds.Functions.Scoring;

/// <summary>
/// <c>POST /api/score?top=K</c>: the photo as the raw body (<c>image/*</c>) or a <c>multipart/form-data</c>
/// file; answers the model version, the top K breeds and the is-dog judgement. 400 unreadable photo,
/// 413 over <c>DogBreeds:MaxUploadBytes</c>, 415 other media types, 503 before a model is published.
/// </summary>
public sealed class ScorePhoto(CurrentModel currentModel, IOptions<DogBreedsOptions> options)
{
    /// <summary>Largest <c>top</c> accepted.</summary>
    public const int MaxTop = 120;

    [Function(nameof(ScorePhoto))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "score")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        int top = options.Value.ScoringTop;
        string? topText = request.Query["top"];
        if (topText is not null && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > MaxTop))
        {
            return HttpAnswers.BadRequest($"The query parameter top ('{topText}') must be a whole number from 1 to {MaxTop}.");
        }

        var (photo, name, error) = await PhotoUpload.ReadAsync(request, options.Value.MaxUploadBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        ScoringModel? model;
        try
        {
            model = await currentModel.GetAsync(cancellationToken);
        }
        catch (ModelFormatException ex)
        {
            return HttpAnswers.Error(StatusCodes.Status503ServiceUnavailable, $"The current model cannot score here: {ex.Message}");
        }

        if (model is null)
        {
            return HttpAnswers.NoModel();
        }

        try
        {
            var prediction = model.Classifier.Predict(photo, name, top);
            return HttpAnswers.Ok(ScoreAnswer.From(model.Version, prediction));
        }
        catch (InvalidPhotoException ex) when (ex.Problem == PhotoProblem.TooLarge)
        {
            return HttpAnswers.Error(StatusCodes.Status413PayloadTooLarge, ex.Message);
        }
        catch (InvalidPhotoException ex)
        {
            return HttpAnswers.BadRequest(ex.Message);
        }
    }
}
