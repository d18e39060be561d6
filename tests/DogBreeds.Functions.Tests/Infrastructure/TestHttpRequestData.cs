using System.Security.Claims;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace DogBreeds.Functions.Tests.Infrastructure;

/// <summary>HttpRequestData as the host would hand it to the durable starters.</summary>
internal sealed class TestHttpRequestData(FunctionContext context, string method, Uri url, string? body) : HttpRequestData(context)
{
    public override Stream Body { get; } = new MemoryStream(Encoding.UTF8.GetBytes(body ?? string.Empty));

    public override HttpHeadersCollection Headers { get; } = [];

    public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];

    public override Uri Url { get; } = url;

    public override IEnumerable<ClaimsIdentity> Identities { get; } = [];

    public override string Method { get; } = method;

    public override HttpResponseData CreateResponse() => new TestHttpResponseData(FunctionContext);

    public static TestHttpRequestData Post(IServiceProvider services, string path, string? json = null) =>
        new(new TestFunctionContext(services), "POST", new Uri("http://localhost:7071/api/" + path), json);
}
