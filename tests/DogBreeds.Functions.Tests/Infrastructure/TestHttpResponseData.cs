using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace DogBreeds.Functions.Tests.Infrastructure;

/// <summary>HttpResponseData collected in memory.</summary>
internal sealed class TestHttpResponseData(FunctionContext context) : HttpResponseData(context)
{
    public override HttpStatusCode StatusCode { get; set; }

    public override HttpHeadersCollection Headers { get; set; } = [];

    public override Stream Body { get; set; } = new MemoryStream();

    public override HttpCookies Cookies => throw new NotSupportedException("No cookies in tests.");

    public static JsonElement Json(HttpResponseData response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Body.Position = 0;
        return JsonDocument.Parse(Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray())).RootElement.Clone();
    }
}
