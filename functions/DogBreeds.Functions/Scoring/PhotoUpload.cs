using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using DogBreeds.Functions.Http;

namespace DogBreeds.Functions.Scoring;

/// <summary>
/// Reads the photo of a scoring request: the raw body with an <c>image/*</c> Content-Type, or the first file
/// of a <c>multipart/form-data</c> body. Refuses with 413 past the size limit (without reading further), 415
/// for any other media type and 400 for an empty photo.
/// </summary>
public static class PhotoUpload
{
    /// <summary>The photo's bytes and name, or the error answer to send.</summary>
    public static async Task<(byte[]? Photo, string Name, IActionResult? Error)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || mediaType.MediaType.Value is null)
        {
            return Refuse(UnsupportedMedia(request.ContentType));
        }

        if (request.ContentLength > maxBytes + (mediaType.MediaType.Value.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) ? 64 * 1024 : 0))
        {
            return Refuse(TooLarge(request.ContentLength.Value, maxBytes));
        }

        if (mediaType.Type.Equals("image", StringComparison.OrdinalIgnoreCase))
        {
            var (bytes, tooLarge) = await ReadCappedAsync(request.Body, maxBytes, cancellationToken);
            if (tooLarge)
            {
                return Refuse(TooLarge(null, maxBytes));
            }

            return bytes.Length == 0 ? Refuse(Empty()) : (bytes, "uploaded photo", null);
        }

        if (mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadMultipartAsync(request, maxBytes, cancellationToken);
        }

        return Refuse(UnsupportedMedia(request.ContentType));
    }

    private static async Task<(byte[]? Photo, string Name, IActionResult? Error)> ReadMultipartAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            MultipartBodyLengthLimit = maxBytes,
            ValueCountLimit = 16,
        }));

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(TooLarge(null, maxBytes));
        }
        catch (InvalidDataException ex)
        {
            return Refuse(HttpAnswers.BadRequest($"The multipart/form-data body cannot be read: {ex.Message}"));
        }

        var file = form.Files.Count > 0 ? form.Files[0] : null;
        if (file is null)
        {
            return Refuse(HttpAnswers.BadRequest("The multipart/form-data body has no file part: send the photo as a file field."));
        }

        if (file.Length > maxBytes)
        {
            return Refuse(TooLarge(file.Length, maxBytes));
        }

        await using var stream = file.OpenReadStream();
        var (bytes, tooLarge) = await ReadCappedAsync(stream, maxBytes, cancellationToken);
        if (tooLarge)
        {
            return Refuse(TooLarge(null, maxBytes));
        }

        string name = string.IsNullOrWhiteSpace(file.FileName) ? "uploaded photo" : $"uploaded photo '{Path.GetFileName(file.FileName)}'";
        return bytes.Length == 0 ? Refuse(Empty()) : (bytes, name, null);
    }

    private static async Task<(byte[] Bytes, bool TooLarge)> ReadCappedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return ([], true);
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), false);
    }

    private static (byte[]? Photo, string Name, IActionResult? Error) Refuse(IActionResult error) => (null, string.Empty, error);

    private static ObjectResult TooLarge(long? length, long maxBytes) => HttpAnswers.Error(
        StatusCodes.Status413PayloadTooLarge,
        length is long bytes
            ? $"The photo is {bytes} bytes, over the limit of {maxBytes} bytes (setting DogBreeds:MaxUploadBytes)."
            : $"The photo is over the limit of {maxBytes} bytes (setting DogBreeds:MaxUploadBytes).");

    private static ObjectResult UnsupportedMedia(string? contentType) => HttpAnswers.Error(
        StatusCodes.Status415UnsupportedMediaType,
        $"The media type '{contentType ?? "(none)"}' is not supported: send the photo as the body with an image/* Content-Type, or as a multipart/form-data file.");

    private static ObjectResult Empty() => HttpAnswers.BadRequest("The photo is empty: the request carried no bytes.");
}
