using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DogBreeds.Functions.Tests.Infrastructure;

/// <summary>ASP.NET Core requests as the Functions host's ASP.NET Core integration hands them over, and their answers.</summary>
internal static class HttpRequests
{
    private static readonly JsonSerializerOptions s_web = new(JsonSerializerDefaults.Web);

    public static HttpRequest Create(IServiceProvider services, string method, string path, byte[]? body = null, string? contentType = null, string? query = null)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost", 7071);
        context.Request.Path = "/api/" + path;
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        if (body is not null)
        {
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
        }

        context.Request.ContentType = contentType;
        return context.Request;
    }

    public static HttpRequest Get(IServiceProvider services, string path) => Create(services, "GET", path);

    public static HttpRequest Photo(IServiceProvider services, byte[] photo, string contentType = "image/jpeg", string? query = null) =>
        Create(services, "POST", "score", photo, contentType, query);

    public static HttpRequest Multipart(IServiceProvider services, byte[] photo, string fileName, string? query = null)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "photo", fileName);
        using var buffer = new MemoryStream();
        content.CopyTo(buffer, null, CancellationToken.None);
        return Create(services, "POST", "score", buffer.ToArray(), content.Headers.ContentType!.ToString(), query);
    }

    /// <summary>Status code and JSON body of an answer, as the MVC JSON formatter would write it.</summary>
    public static (int Status, JsonElement Body) Read(IActionResult result)
    {
        var objectResult = Assert.IsAssignableFrom<ObjectResult>(result);
        string json = JsonSerializer.Serialize(objectResult.Value, s_web);
        return (objectResult.StatusCode ?? 200, JsonDocument.Parse(json).RootElement.Clone());
    }
}
