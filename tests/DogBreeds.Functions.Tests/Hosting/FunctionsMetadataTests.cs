using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using DogBreeds.Functions.Hosting;
using DogBreeds.Functions.Tests.Infrastructure;

namespace DogBreeds.Functions.Tests.Hosting;

/// <summary>
/// Reads the functions.metadata that the Worker SDK generates into the app's build output (what the host
/// indexes), so a renamed trigger, route, authorisation level or connection cannot slip through.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<JsonArray> s_metadata = new(Load);

    public static TheoryData<string, string, string, string, string> HttpFunctions => new()
    {
        { "StartTraining", "post", "train", "Admin", "durableClient" },
        { "GetTrainingStatus", "get", "train/{id}", "Admin", "durableClient" },
        { "ScorePhoto", "post", "score", "Function", "" },
        { "ListModels", "get", "models", "Function", "" },
        { "GetModel", "get", "models/{version}", "Function", "" },
        { "PromoteModel", "post", "models/{version}/promote", "Admin", "" },
        { "Health", "get", "health", "Anonymous", "" },
        { "StartSubmission", "post", "submissions", "Admin", "durableClient" },
        { "GetSubmissionStatus", "get", "submissions/{id}", "Admin", "durableClient" },
    };

    public static TheoryData<string, string> DurableFunctions => new()
    {
        { "TrainEnsemble", "orchestrationTrigger" },
        { "BuildTrainingSet", "activityTrigger" },
        { "TrainMember", "activityTrigger" },
        { "PublishModel", "activityTrigger" },
        { "ScoreTestPhotos", "orchestrationTrigger" },
        { "ListTestPhotos", "activityTrigger" },
        { "ScoreTestChunk", "activityTrigger" },
        { "WriteSubmission", "activityTrigger" },
    };

    [Fact]
    public void Metadata_FunctionNames_AreExactlyTheDocumentedSet()
    {
        var expected = HttpFunctions.Select(row => row.Data.Item1)
            .Concat(DurableFunctions.Select(row => row.Data.Item1))
            .Append("ExtractFeatures")
            .Append("ExtractFeaturesPolling")
            .Order(StringComparer.Ordinal);

        var sut = s_metadata.Value.Select(f => f!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal);

        Assert.Equal(expected, sut);
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void Metadata_HttpFunction_HasRouteMethodAndAuthorisation(string name, string method, string route, string authLevel, string extraBinding)
    {
        var sut = Trigger(name);

        Assert.Equal("httpTrigger", sut["type"]!.GetValue<string>());
        Assert.Equal(route, sut["route"]!.GetValue<string>());
        Assert.Equal(authLevel, sut["authLevel"]!.GetValue<string>());
        Assert.Equal([method], sut["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
        if (extraBinding.Length > 0)
        {
            Assert.Contains(Bindings(name), b => b["type"]!.GetValue<string>() == extraBinding);
        }
    }

    [Theory]
    [MemberData(nameof(DurableFunctions))]
    public void Metadata_DurableFunction_HasItsTrigger(string name, string triggerType)
    {
        var sut = Trigger(name);

        Assert.Equal(triggerType, sut["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ExtractFeatures", "EventGrid")]
    [InlineData("ExtractFeaturesPolling", null)]
    public void Metadata_ExtractionTrigger_WatchesImagesThroughPhotoStorage(string name, string? source)
    {
        var sut = Trigger(name);

        Assert.Equal("blobTrigger", sut["type"]!.GetValue<string>());
        Assert.Equal("images/{name}", sut["path"]!.GetValue<string>());
        Assert.Equal(PhotoStorageConnection.Name, sut["connection"]!.GetValue<string>());
        Assert.Equal(source, sut["source"]?.GetValue<string>());
    }

    [Fact]
    public void HostJson_DurableTaskAndBlobs_AtTopLevelOfExtensions()
    {
        var sut = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")))!;

        Assert.Equal("%TaskHubName%", sut["extensions"]!["durableTask"]!["hubName"]!.GetValue<string>());
        Assert.InRange(sut["extensions"]!["blobs"]!["maxDegreeOfParallelism"]!.GetValue<int>(), 1, 32);
        Assert.InRange(sut["extensions"]!["blobs"]!["poisonBlobThreshold"]!.GetValue<int>(), 1, 10);
    }

    [Fact]
    public void LocalSettingsSample_NamesEverySettingTheAppReads()
    {
        var values = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")))!["Values"]!.AsObject();
        var expected = typeof(DogBreedsOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => $"{DogBreedsOptions.SectionName}__{p.Name}")
            .Concat([PhotoStorageConnection.Name, "AzureWebJobsStorage", "TaskHubName", "FUNCTIONS_WORKER_RUNTIME",
                "AzureWebJobs.ExtractFeatures.Disabled", "AzureWebJobs.ExtractFeaturesPolling.Disabled"]);

        var sut = values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);

        Assert.All(expected, name => Assert.Contains(name, sut));
        Assert.Equal("true", values["AzureWebJobs.ExtractFeatures.Disabled"]!.GetValue<string>());
        Assert.Equal("false", values["AzureWebJobs.ExtractFeaturesPolling.Disabled"]!.GetValue<string>());
    }

    private static JsonObject Trigger(string name) =>
        Bindings(name).Single(b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal));

    private static IEnumerable<JsonObject> Bindings(string name)
    {
        var function = s_metadata.Value.SingleOrDefault(f => f!["name"]!.GetValue<string>() == name)
            ?? throw new Xunit.Sdk.XunitException($"functions.metadata has no function named {name}.");
        return function["bindings"]!.AsArray().Select(b => b!.AsObject());
    }

    private static JsonArray Load()
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "functions.metadata"),
            Path.Combine(RepositoryRoot.Path, "functions", "DogBreeds.Functions", "bin", configuration, "net10.0", "functions.metadata"),
        ];
        string path = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"functions.metadata was not generated; looked at: {string.Join(", ", candidates)}.");
        return JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true })!.AsArray();
    }
}
