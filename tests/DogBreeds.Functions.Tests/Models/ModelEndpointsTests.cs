using DogBreeds.Functions.Http;
using DogBreeds.Functions.Models;
using DogBreeds.Functions.Scoring;
using DogBreeds.Functions.Tests.Infrastructure;
using DogBreeds.Functions.Training;
using DogBreeds.Tests;
using Microsoft.DurableTask.Client;

namespace DogBreeds.Functions.Tests.Models;

[Collection(PipelineGroup.Name)]
public sealed class ModelEndpointsTests(PipelineFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetModel_PublishedVersion_AnswersItsMetrics()
    {
        fixture.EnsureReady();
        var sut = fixture.App.Function<GetModel>();

        var (status, body) = HttpRequests.Read(await sut.Run(HttpRequests.Get(fixture.App.Services, "models/" + fixture.Training.Version), fixture.Training.Version, _ct));

        Assert.Equal(200, status);
        Assert.Equal(fixture.Training.Version, body.GetProperty("version").GetString());
        Assert.Equal(fixture.Training.Accuracy, body.GetProperty("accuracy").GetDouble(), 9);
        Assert.Equal(10, body.GetProperty("classes").GetArrayLength());
        Assert.Equal(fixture.Training.NotDogThreshold, body.GetProperty("notDogThreshold").GetDouble(), 9);
    }

    [Theory]
    [InlineData("v20000101-000000-abcdef")]
    [InlineData("../current")]
    public async Task GetModel_UnknownVersion_Answers404(string version)
    {
        fixture.EnsureReady();
        var sut = fixture.App.Function<GetModel>();

        var (status, _) = HttpRequests.Read(await sut.Run(HttpRequests.Get(fixture.App.Services, "models/x"), version, _ct));

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task PromoteModel_UnknownVersion_Answers404AndKeepsCurrent()
    {
        fixture.EnsureReady();
        var store = fixture.App.Get<ModelStore>();
        string? before = (await store.GetPointerAsync(_ct))?.Version;
        var sut = fixture.App.Function<PromoteModel>();

        var (status, _) = HttpRequests.Read(await sut.Run(HttpRequests.Create(fixture.App.Services, "POST", "models/v1/promote"), "v1-missing", _ct));

        Assert.Equal(404, status);
        Assert.Equal(before, (await store.GetPointerAsync(_ct))?.Version);
    }

    [Fact]
    public async Task PromoteModel_RollBackAndForward_ScoringFollowsThePointer()
    {
        fixture.EnsureReady();
        string first = fixture.Training.Version;

        // A second (small) training publishes a new version, which becomes current.
        var start = await fixture.App.Function<StartTraining>().Run(
            TestHttpRequestData.Post(fixture.App.Services, "train", """{"estimators": 2, "epochs": 3, "seed": 11}"""), fixture.Durable.Client, _ct);
        string id = TestHttpResponseData.Json(start).GetProperty("id").GetString()!;
        var done = await fixture.Durable.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, _ct);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        string second = done.ReadOutputAs<TrainingResult>()!.Version;
        Assert.NotEqual(first, second);
        Assert.Equal(second, await ScoredVersionAsync());

        var (listStatus, list) = HttpRequests.Read(await fixture.App.Function<ListModels>().Run(HttpRequests.Get(fixture.App.Services, "models"), _ct));
        Assert.Equal(200, listStatus);
        Assert.Equal(second, list.GetProperty("current").GetString());
        var versions = list.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()).ToArray();
        Assert.Contains(first, versions);
        Assert.Contains(second, versions);

        var sut = fixture.App.Function<PromoteModel>();
        var (rollBack, promoted) = HttpRequests.Read(await sut.Run(HttpRequests.Create(fixture.App.Services, "POST", $"models/{first}/promote"), first, _ct));
        Assert.Equal(200, rollBack);
        Assert.True(promoted.GetProperty("isCurrent").GetBoolean());
        Assert.Equal(first, await ScoredVersionAsync());

        var (forward, _) = HttpRequests.Read(await sut.Run(HttpRequests.Create(fixture.App.Services, "POST", $"models/{second}/promote"), second, _ct));
        Assert.Equal(200, forward);
        Assert.Equal(second, await ScoredVersionAsync());

        // Leave the suite's model current for the other tests.
        await sut.Run(HttpRequests.Create(fixture.App.Services, "POST", $"models/{first}/promote"), first, _ct);
        Assert.Equal(first, await ScoredVersionAsync());
    }

    [Fact]
    public async Task Health_Anonymous_AnswersHealthyWithModelVersion()
    {
        fixture.EnsureReady();
        var sut = fixture.App.Function<Health>();

        var (status, body) = HttpRequests.Read(await sut.Run(HttpRequests.Get(fixture.App.Services, "health"), _ct));

        Assert.Equal(200, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.StartsWith("v", body.GetProperty("modelVersion").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> ScoredVersionAsync()
    {
        byte[] photo = await File.ReadAllBytesAsync(DogPhotos.ValPhotos(1)[0], _ct);
        var (status, body) = HttpRequests.Read(await fixture.App.Function<ScorePhoto>().Run(HttpRequests.Photo(fixture.App.Services, photo), _ct));
        Assert.Equal(200, status);
        return body.GetProperty("modelVersion").GetString()!;
    }
}
