using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Http;

namespace DogBreeds.Functions.Http;

/// <summary>JSON bodies of <see cref="HttpRequestData"/> requests (the durable starters use the worker's HTTP types).</summary>
public static class HttpRequestDataJson
{
    /// <summary>Options of every JSON body the app reads or writes: camelCase, case-insensitive on read.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Reads an optional JSON body: an empty body gives <paramref name="empty"/>.</summary>
    /// <exception cref="JsonException">The body is not JSON of the expected shape.</exception>
    public static async Task<T> ReadOptionalAsync<T>(HttpRequestData request, T empty, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = new StreamReader(request.Body);
        string text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return empty;
        }

        return JsonSerializer.Deserialize<T>(text, Options) ?? empty;
    }

    /// <summary>Writes a JSON error answer.</summary>
    public static async Task<HttpResponseData> ErrorAsync(HttpRequestData request, System.Net.HttpStatusCode status, string sentence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        await JsonSerializer.SerializeAsync(response.Body, new ErrorAnswer(sentence, (int)status), Options, cancellationToken);
        return response;
    }
}
