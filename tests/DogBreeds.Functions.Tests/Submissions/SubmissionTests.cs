using System.Globalization;
using System.Net;
using DogBreeds.Functions.Storage;
using DogBreeds.Functions.Submissions;
using DogBreeds.Functions.Tests.Infrastructure;
using DogBreeds.Tests;
using Microsoft.DurableTask.Client;

namespace DogBreeds.Functions.Tests.Submissions;

[Collection(PipelineGroup.Name)]
public sealed class SubmissionTests(PipelineFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartSubmission_TestPhotos_WritesKaggleCsvBesideTheModel()
    {
        fixture.EnsureReady();
        var photos = DogPhotos.ValPhotos(30);
        await fixture.UploadAsync(photos.Select(p => ("test/" + Path.GetFileName(p), p)), _ct);
        await fixture.Images.GetBlobClient("test/zz-broken.jpg").UploadAsync(BinaryData.FromString("broken"), overwrite: true, _ct);
        await fixture.Images.GetBlobClient("test/notes.txt").UploadAsync(BinaryData.FromString("not a photo"), overwrite: true, _ct);
        var sut = fixture.App.Function<StartSubmission>();

        var response = await sut.Run(TestHttpRequestData.Post(fixture.App.Services, "submissions"), fixture.Durable.Client, _ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        string id = TestHttpResponseData.Json(response).GetProperty("id").GetString()!;
        var done = await fixture.Durable.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, _ct);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var result = done.ReadOutputAs<SubmissionResult>()!;
        Assert.Equal(fixture.Training.Version, result.ModelVersion);
        Assert.Equal(StorageLayout.SubmissionBlob(fixture.Training.Version), result.Blob);
        Assert.Equal(["test/zz-broken.jpg"], result.Unreadable);
        var (statusCode, status) = HttpRequests.Read(await fixture.App.Function<GetSubmissionStatus>().Run(
            HttpRequests.Get(fixture.App.Services, "submissions/" + id), fixture.Durable.Client, id, _ct));
        Assert.Equal(200, statusCode);
        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal(result.Blob, status.GetProperty("output").GetProperty("blob").GetString());
        Assert.Equal("written", status.GetProperty("customStatus").GetProperty("stage").GetString());

        var csv = (await fixture.Azurite.Client().GetBlobContainerClient(StorageLayout.ModelsContainer).GetBlobClient(result.Blob).DownloadContentAsync(_ct))
            .Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] header = csv[0].Split(',');
        Assert.Equal("id", header[0]);
        Assert.Equal(fixture.Training.TrainingSet.Classes, header[1..]);
        Assert.Equal(header[1..].Order(StringComparer.Ordinal), header[1..]);
        var rows = csv[1..].Select(line => line.Split(',')).ToArray();
        Assert.Equal(31, rows.Length);
        Assert.Equal(photos.Select(Path.GetFileNameWithoutExtension).Append("zz-broken").Order(StringComparer.Ordinal), rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(1.0, r[1..].Sum(v => double.Parse(v, CultureInfo.InvariantCulture)), 6));

        // The CSV agrees with the scoring function: each photo's most likely breed is its folder's.
        int right = rows.Count(r => r[0] != "zz-broken" &&
            header[1 + Array.IndexOf(r[1..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray(), r[1..].Max(v => double.Parse(v, CultureInfo.InvariantCulture)))]
            == Path.GetFileName(Path.GetDirectoryName(photos.First(p => Path.GetFileNameWithoutExtension(p) == r[0]))));
        Assert.True(right >= 27, $"{right} of 30 test photos right");
    }

    [Fact]
    public async Task StartSubmission_NoModelPublished_Answers503()
    {
        fixture.EnsureReady();
        await using var app = FunctionsApp.Create(fixture.Azurite.ConnectionString(AzuriteServer.EmptyAccount));
        var sut = app.Function<StartSubmission>();

        var response = await sut.Run(TestHttpRequestData.Post(app.Services, "submissions"), fixture.Durable.Client, _ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("No model is published", TestHttpResponseData.Json(response).GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
