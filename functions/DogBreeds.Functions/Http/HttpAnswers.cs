using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DogBreeds.Functions.Http;

/// <summary>JSON answers shared by the HTTP functions.</summary>
public static class HttpAnswers
{
    /// <summary>An error answer: JSON <see cref="ErrorAnswer"/> with the status code.</summary>
    public static ObjectResult Error(int status, string sentence) =>
        new(new ErrorAnswer(sentence, status)) { StatusCode = status };

    /// <summary>400: the request cannot be understood.</summary>
    public static ObjectResult BadRequest(string sentence) => Error(StatusCodes.Status400BadRequest, sentence);

    /// <summary>404: the named thing does not exist.</summary>
    public static ObjectResult NotFound(string sentence) => Error(StatusCodes.Status404NotFound, sentence);

    /// <summary>503: no model is published yet.</summary>
    public static ObjectResult NoModel() => Error(
        StatusCodes.Status503ServiceUnavailable,
        "No model is published yet: upload labelled photos to the images container and start training with POST /api/train.");

    /// <summary>200 with a JSON body.</summary>
    public static OkObjectResult Ok(object value) => new(value);
}
