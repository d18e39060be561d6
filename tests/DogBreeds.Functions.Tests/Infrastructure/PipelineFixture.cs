using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using DogBreeds.Core.Backbones;
using DogBreeds.Functions.Extraction;
using DogBreeds.Functions.Scoring;
using DogBreeds.Functions.Storage;
using DogBreeds.Functions.Training;
using DogBreeds.Tests;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace DogBreeds.Functions.Tests.Infrastructure;

/// <summary>
/// The whole pipeline, once for the suite: a real Azurite; the 2,000 Kaggle-layout training photos and
/// labels.csv uploaded to <c>images/train/</c>; the extraction function invoked for every blob, as many at
/// once as host.json's <c>extensions.blobs.maxDegreeOfParallelism</c>; the training orchestration started
/// through <c>POST /api/train</c> and run by the Durable Task engine; then the 500 <c>val/</c> photos and the
/// not-dog photos scored through <c>POST /api/score</c>.
/// </summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    private Exception? _failure;
    private bool _dataMissing;

    public AzuriteServer Azurite { get; private set; } = null!;

    public FunctionsApp App { get; private set; } = null!;

    public DurableTaskTestHost Durable { get; private set; } = null!;

    public BlobContainerClient Images { get; private set; } = null!;

    public int HostParallelism { get; private set; }

    public long TrainCnnPhotos { get; private set; }

    public int TrainBlobs { get; private set; }

    public double ExtractSeconds { get; private set; }

    public JsonElement TrainingStartAnswer { get; private set; }

    public int TrainingStartStatus { get; private set; }

    public string TrainingInstanceId { get; private set; } = string.Empty;

    public TrainingResult Training { get; private set; } = null!;

    public double TrainSeconds { get; private set; }

    public IReadOnlyList<PhotoScore> ValScores { get; private set; } = [];

    public IReadOnlyList<PhotoScore> NotDogScores { get; private set; } = [];

    public double ScoreSeconds { get; private set; }

    public FeatureExtractor Extractor => App.Get<FeatureExtractor>();

    /// <summary>Skips (or, under CI=true, fails) when the photos are missing; rethrows a failed set-up.</summary>
    public void EnsureReady()
    {
        if (_dataMissing)
        {
            _ = DogPhotos.Root;
        }

        if (_failure is not null)
        {
            throw new InvalidOperationException("The pipeline fixture failed to set up: " + _failure.Message, _failure);
        }
    }

    public async ValueTask InitializeAsync()
    {
        try
        {
            _ = DogPhotos.Root;
        }
        catch (Exception ex) when (ex is Xunit.Sdk.SkipException or Xunit.Sdk.FailException)
        {
            _dataMissing = true;
            return;
        }

        try
        {
            await SetUpAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _failure = ex;
        }
    }

    private async Task SetUpAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Azurite = await AzuriteServer.StartAsync();
        App = FunctionsApp.Create(Azurite.ConnectionString());
        HostParallelism = ReadHostParallelism();
        Images = Azurite.Client().GetBlobContainerClient(StorageLayout.ImagesContainer);
        await Images.CreateIfNotExistsAsync(cancellationToken: ct);

        // 1. Drop the Kaggle layout into the inbox.
        var photos = Directory.GetFiles(DogPhotos.TrainDir, "*.jpg").Order(StringComparer.Ordinal).ToArray();
        await UploadAsync(photos.Select(p => ("train/" + Path.GetFileName(p), p)), ct);
        await Images.GetBlobClient(StorageLayout.LabelsBlob).UploadAsync(DogPhotos.LabelsCsv, overwrite: true, ct);

        // 2. The blob trigger fires once per blob; the host runs maxDegreeOfParallelism at once.
        long before = Extractor.CnnPhotos;
        var clock = Stopwatch.StartNew();
        TrainBlobs = await ExtractAllAsync("train/", ct);
        ExtractSeconds = clock.Elapsed.TotalSeconds;
        TrainCnnPhotos = Extractor.CnnPhotos - before;
        Progress($"extracted {TrainBlobs} blobs ({TrainCnnPhotos} CNN passes) in {ExtractSeconds:F0} s");

        // 3. POST /api/train -> 202 with status URLs; the Durable Task engine runs the orchestration.
        Durable = await DurableFunctionsHost.StartAsync(App);
        clock.Restart();
        var start = await App.Function<StartTraining>().Run(
            TestHttpRequestData.Post(App.Services, "train", """{"seed": 7}"""), Durable.Client, ct);
        TrainingStartStatus = (int)start.StatusCode;
        TrainingStartAnswer = TestHttpResponseData.Json(start);
        TrainingInstanceId = TrainingStartAnswer.TryGetProperty("id", out var id)
            ? id.GetString()!
            : throw new InvalidOperationException($"POST /api/train answered {TrainingStartStatus} without an id: {TrainingStartAnswer}");
        var done = await Durable.Client.WaitForInstanceCompletionAsync(TrainingInstanceId, getInputsAndOutputs: true, ct);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"Training ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        }

        Training = done.ReadOutputAs<TrainingResult>()!;
        TrainSeconds = clock.Elapsed.TotalSeconds;
        Progress($"trained {Training.Version} in {TrainSeconds:F0} s");

        // 4. Score the validation photos and the not-dogs through POST /api/score.
        clock.Restart();
        var val = Directory.GetDirectories(DogPhotos.ValDir).Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.GetFiles(d, "*.jpg").Order(StringComparer.Ordinal).Select(f => (Path: f, Breed: (string?)Path.GetFileName(d))))
            .ToArray();
        ValScores = await ScoreAsync(val, ct);
        NotDogScores = await ScoreAsync(Directory.GetFiles(DogPhotos.NotDogsDir, "*.jpg").Order(StringComparer.Ordinal).Select(f => (f, (string?)null)).ToArray(), ct);
        ScoreSeconds = clock.Elapsed.TotalSeconds;
        Progress($"scored {ValScores.Count + NotDogScores.Count} photos in {ScoreSeconds:F0} s");
    }

    /// <summary>Set-up progress, appended to the file named by DOGBREEDS_TEST_PROGRESS when set (the suite runs minutes).</summary>
    private static void Progress(string line)
    {
        string? path = Environment.GetEnvironmentVariable("DOGBREEDS_TEST_PROGRESS");
        if (!string.IsNullOrEmpty(path))
        {
            File.AppendAllText(path, $"{DateTime.UtcNow:HH:mm:ss} {line}{Environment.NewLine}");
        }
    }

    /// <summary>Uploads local files to inbox paths, 16 at a time.</summary>
    public Task UploadAsync(IEnumerable<(string BlobName, string File)> files, CancellationToken ct) =>
        Parallel.ForEachAsync(
            files,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (f, token) => await Images.GetBlobClient(f.BlobName).UploadAsync(f.File, overwrite: true, token));

    /// <summary>Invokes the extraction function for every inbox blob under a prefix, as the host would.</summary>
    public async Task<int> ExtractAllAsync(string prefix, CancellationToken ct)
    {
        var names = new List<string>();
        await foreach (var item in Images.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, ct))
        {
            names.Add(item.Name);
        }

        var function = App.Function<ExtractFeaturesPolling>();
        await Parallel.ForEachAsync(
            names,
            new ParallelOptions { MaxDegreeOfParallelism = HostParallelism, CancellationToken = ct },
            async (name, token) => await function.Run(Images.GetBlobClient(name), name, token));
        return names.Count;
    }

    /// <summary>Scores photos through the scoring function (as many at once as there are cores).</summary>
    public async Task<IReadOnlyList<PhotoScore>> ScoreAsync(IReadOnlyList<(string Path, string? Breed)> photos, CancellationToken ct)
    {
        var scores = new PhotoScore[photos.Count];
        var function = App.Function<ScorePhoto>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, photos.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (i, token) =>
            {
                var request = HttpRequests.Photo(App.Services, await File.ReadAllBytesAsync(photos[i].Path, token));
                var (status, body) = HttpRequests.Read(await function.Run(request, token));
                if (status != 200)
                {
                    throw new InvalidOperationException($"Scoring {photos[i].Path} answered {status}: {body}");
                }

                var breeds = body.GetProperty("breeds");
                scores[i] = new PhotoScore(
                    photos[i].Path,
                    photos[i].Breed,
                    breeds[0].GetProperty("breed").GetString()!,
                    breeds[0].GetProperty("probability").GetDouble(),
                    body.GetProperty("isDog").GetBoolean(),
                    body.GetProperty("modelVersion").GetString()!);
            });
        return scores;
    }

    public async ValueTask DisposeAsync()
    {
        if (Durable is not null)
        {
            await Durable.DisposeAsync();
        }

        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }
    }

    private static int ReadHostParallelism()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")))!;
        return host["extensions"]!["blobs"]!["maxDegreeOfParallelism"]!.GetValue<int>();
    }
}
