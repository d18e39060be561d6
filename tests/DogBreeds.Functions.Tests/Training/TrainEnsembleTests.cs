using System.Net;
using DogBreeds.Functions.Tests.Infrastructure;
using DogBreeds.Functions.Training;
using DogBreeds.Tests;

namespace DogBreeds.Functions.Tests.Training;

[Collection(PipelineGroup.Name)]
public sealed class TrainEnsembleTests(PipelineFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public void StartTraining_NoBodyProblems_Answers202WithStatusUrls()
    {
        fixture.EnsureReady();
        var sut = fixture.TrainingStartAnswer;

        Assert.Equal(202, fixture.TrainingStartStatus);
        Assert.Equal(fixture.TrainingInstanceId, sut.GetProperty("id").GetString());
        Assert.Contains($"/runtime/webhooks/durabletask/instances/{fixture.TrainingInstanceId}", sut.GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);
        Assert.True(sut.TryGetProperty("terminatePostUri", out _));
    }

    [Fact]
    public void TrainEnsemble_KaggleLayout_UsesEveryLabelledPhotoAndPublishes()
    {
        fixture.EnsureReady();
        var sut = fixture.Training;

        Assert.StartsWith("v", sut.Version, StringComparison.Ordinal);
        Assert.Equal(10, sut.TrainingSet.Classes.Count);
        Assert.Equal(0, sut.TrainingSet.MissingFeatures);
        Assert.Equal(0, sut.TrainingSet.Unlabelled);
        Assert.Equal(2000, sut.TrainingSet.Photos + sut.TrainingSet.Duplicates);
        Assert.Equal(sut.TrainingSet.Photos, sut.TrainingSet.TrainingRows + sut.TrainingSet.ValidationRows);
        Assert.True(sut.Accuracy >= 0.9, $"validation accuracy {sut.Accuracy:P1}");
        TestContext.Current.SendDiagnosticMessage(
            $"Training: {sut.TrainingSet.Photos} photos, validation accuracy {sut.Accuracy:P1} on {sut.ValidationPhotos}, " +
            $"log loss {sut.LogLoss:F3}, not-dog threshold {sut.NotDogThreshold:F3}, {fixture.TrainSeconds:F1} s");
    }

    [Fact]
    public async Task GetTrainingStatus_Completed_ReturnsStageAndMetrics()
    {
        fixture.EnsureReady();
        var sut = fixture.App.Function<GetTrainingStatus>();

        var (status, body) = HttpRequests.Read(await sut.Run(
            HttpRequests.Get(fixture.App.Services, "train/" + fixture.TrainingInstanceId), fixture.Durable.Client, fixture.TrainingInstanceId, _ct));

        Assert.Equal(200, status);
        Assert.Equal("Completed", body.GetProperty("runtimeStatus").GetString());
        var progress = body.GetProperty("customStatus");
        Assert.Equal("published", progress.GetProperty("stage").GetString());
        Assert.Equal(progress.GetProperty("total").GetInt32(), progress.GetProperty("done").GetInt32());
        var output = body.GetProperty("output");
        Assert.Equal(fixture.Training.Version, output.GetProperty("version").GetString());
        Assert.Equal(fixture.Training.Accuracy, output.GetProperty("accuracy").GetDouble(), 9);
    }

    [Fact]
    public async Task GetTrainingStatus_UnknownId_Answers404()
    {
        fixture.EnsureReady();
        var sut = fixture.App.Function<GetTrainingStatus>();

        var (status, body) = HttpRequests.Read(await sut.Run(HttpRequests.Get(fixture.App.Services, "train/nope"), fixture.Durable.Client, "nope", _ct));

        Assert.Equal(404, status);
        Assert.Contains("nope", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"estimators": 0}""", "Estimators")]
    [InlineData("""{"backbone": "vgg16"}""", "vgg16")]
    [InlineData("""{"estimators": "many"}""", "JSON")]
    public async Task StartTraining_BadOptions_Answers400NamingThem(string json, string named)
    {
        fixture.EnsureReady();
        var sut = fixture.App.Function<StartTraining>();

        var response = await sut.Run(TestHttpRequestData.Post(fixture.App.Services, "train", json), fixture.Durable.Client, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, TestHttpResponseData.Json(response).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildTrainingSet_PhotosWithoutFeaturesOrLabel_CountedAndNamed()
    {
        fixture.EnsureReady();
        const string unextracted = "train/beagle/zz-not-extracted-yet.jpg";
        const string unlabelled = "train/zz-no-label-row.jpg";
        var photos = DogPhotos.ValPhotos(2);
        await fixture.Images.GetBlobClient(unextracted).UploadAsync(BinaryData.FromBytes([.. await File.ReadAllBytesAsync(photos[0], _ct), 0]), overwrite: true, _ct);
        await fixture.Images.GetBlobClient(unlabelled).UploadAsync(photos[1], overwrite: true, _ct);
        var sut = fixture.App.Function<BuildTrainingSet>();

        var set = await sut.Run(new BuildTrainingSetInput("test-left-out", TrainingPlan.Resolve(new TrainingRequest(), fixture.Extractor.Key)), _ct);

        Assert.Contains(unextracted, set.MissingExamples);
        Assert.True(set.MissingFeatures >= 1);
        Assert.Contains(unlabelled, set.UnlabelledExamples);
        Assert.True(set.Photos >= 1990);
        await fixture.Images.DeleteBlobAsync(unextracted, cancellationToken: _ct);
        await fixture.Images.DeleteBlobAsync(unlabelled, cancellationToken: _ct);
    }
}
