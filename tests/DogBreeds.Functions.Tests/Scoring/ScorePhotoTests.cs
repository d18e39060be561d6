using DogBreeds.Functions.Scoring;
using DogBreeds.Functions.Tests.Infrastructure;
using DogBreeds.Tests;

namespace DogBreeds.Functions.Tests.Scoring;

[Collection(PipelineGroup.Name)]
public sealed class ScorePhotoTests(PipelineFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public void Run_ValidationPhotos_AccuracyAtLeast93Percent()
    {
        fixture.EnsureReady();
        var scores = fixture.ValScores;

        double sut = scores.Count(s => s.Top1 == s.Expected) / (double)scores.Count;

        TestContext.Current.SendDiagnosticMessage($"Scoring: {scores.Count} val photos, accuracy {sut:P1}, {fixture.ScoreSeconds:F1} s (val + not-dogs)");
        Assert.Equal(500, scores.Count);
        Assert.All(scores, s => Assert.Equal(fixture.Training.Version, s.ModelVersion));
        Assert.True(sut >= 0.93, $"accuracy {sut:P1} on {scores.Count} val photos");
    }

    [Fact]
    public void Run_NotDogPhotos_SeparatedFromDogsByMaxProbability()
    {
        fixture.EnsureReady();
        var dogs = fixture.ValScores.Select(s => s.MaxProbability).ToArray();
        var notDogs = fixture.NotDogScores.Select(s => s.MaxProbability).ToArray();

        double sut = Auroc(dogs, notDogs);
        double dogsKept = fixture.ValScores.Count(s => s.IsDog) / (double)dogs.Length;
        double notDogsCaught = fixture.NotDogScores.Count(s => !s.IsDog) / (double)notDogs.Length;

        TestContext.Current.SendDiagnosticMessage(
            $"isDog: AUROC {sut:F3} ({dogs.Length} val dogs vs {notDogs.Length} not-dogs); at threshold {fixture.Training.NotDogThreshold:F3}: " +
            $"{dogsKept:P1} of dogs judged dogs, {notDogsCaught:P1} of not-dogs judged not dogs; passing as dogs: " +
            string.Join(", ", fixture.NotDogScores.Where(s => s.IsDog).Select(s => $"{Path.GetFileNameWithoutExtension(s.Photo)} ({s.Top1} {s.MaxProbability:F2})")));
        Assert.Equal(44, notDogs.Length);
        Assert.True(sut >= 0.75, $"AUROC {sut:F3}");
        Assert.True(dogsKept >= 0.85, $"only {dogsKept:P1} of dog photos judged dogs");
    }

    [Fact]
    public async Task Run_MultipartFile_SameAnswerAsRawBody()
    {
        fixture.EnsureReady();
        byte[] photo = await File.ReadAllBytesAsync(DogPhotos.ValPhotos(1)[0], _ct);
        var sut = fixture.App.Function<ScorePhoto>();

        var (rawStatus, raw) = HttpRequests.Read(await sut.Run(HttpRequests.Photo(fixture.App.Services, photo), _ct));
        var (multipartStatus, multipart) = HttpRequests.Read(await sut.Run(HttpRequests.Multipart(fixture.App.Services, photo, "dog.jpg"), _ct));

        Assert.Equal(200, rawStatus);
        Assert.Equal(200, multipartStatus);
        Assert.Equal(raw.GetProperty("breeds")[0].GetProperty("breed").GetString(), multipart.GetProperty("breeds")[0].GetProperty("breed").GetString());
        Assert.Equal(raw.GetProperty("breeds")[0].GetProperty("probability").GetDouble(), multipart.GetProperty("breeds")[0].GetProperty("probability").GetDouble(), 6);
    }

    [Fact]
    public async Task Run_TopThree_AnswersThreeBreedsMostLikelyFirst()
    {
        fixture.EnsureReady();
        byte[] photo = await File.ReadAllBytesAsync(DogPhotos.ValPhotos(1)[0], _ct);
        var sut = fixture.App.Function<ScorePhoto>();

        var (status, body) = HttpRequests.Read(await sut.Run(HttpRequests.Photo(fixture.App.Services, photo, query: "?top=3"), _ct));

        Assert.Equal(200, status);
        var probabilities = body.GetProperty("breeds").EnumerateArray().Select(b => b.GetProperty("probability").GetDouble()).ToArray();
        Assert.Equal(3, probabilities.Length);
        Assert.Equal(probabilities.OrderDescending(), probabilities);
        Assert.InRange(body.GetProperty("isDogConfidence").GetDouble(), 0.5, 1.0);
    }

    [Theory]
    [InlineData("?top=0")]
    [InlineData("?top=abc")]
    public async Task Run_BadTop_Answers400(string query)
    {
        fixture.EnsureReady();
        var sut = fixture.App.Function<ScorePhoto>();

        var (status, body) = HttpRequests.Read(await sut.Run(HttpRequests.Photo(fixture.App.Services, [1, 2, 3], query: query), _ct));

        Assert.Equal(400, status);
        Assert.Contains("top", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnreadablePhoto_Answers400WithSentence()
    {
        fixture.EnsureReady();
        var sut = fixture.App.Function<ScorePhoto>();

        var (status, body) = HttpRequests.Read(await sut.Run(HttpRequests.Photo(fixture.App.Services, "not a photo at all"u8.ToArray()), _ct));

        Assert.Equal(400, status);
        Assert.Contains("uploaded photo", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EmptyBody_Answers400()
    {
        fixture.EnsureReady();
        var sut = fixture.App.Function<ScorePhoto>();

        var (status, _) = HttpRequests.Read(await sut.Run(HttpRequests.Photo(fixture.App.Services, []), _ct));

        Assert.Equal(400, status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_OverMaxUploadBytes_Answers413(bool multipart)
    {
        fixture.EnsureReady();
        byte[] big = new byte[(10 * 1024 * 1024) + 1];
        var sut = fixture.App.Function<ScorePhoto>();
        var request = multipart ? HttpRequests.Multipart(fixture.App.Services, big, "big.jpg") : HttpRequests.Photo(fixture.App.Services, big);

        var (status, body) = HttpRequests.Read(await sut.Run(request, _ct));

        Assert.Equal(413, status);
        Assert.Contains("DogBreeds:MaxUploadBytes", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task Run_UnsupportedMediaType_Answers415(string? contentType)
    {
        fixture.EnsureReady();
        var sut = fixture.App.Function<ScorePhoto>();

        var (status, body) = HttpRequests.Read(await sut.Run(HttpRequests.Create(fixture.App.Services, "POST", "score", [1, 2, 3], contentType), _ct));

        Assert.Equal(415, status);
        Assert.Contains("image/*", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoModelPublished_Answers503()
    {
        fixture.EnsureReady();
        await using var app = FunctionsApp.Create(fixture.Azurite.ConnectionString(AzuriteServer.EmptyAccount));
        byte[] photo = await File.ReadAllBytesAsync(DogPhotos.ValPhotos(1)[0], _ct);
        var sut = app.Function<ScorePhoto>();

        var (status, body) = HttpRequests.Read(await sut.Run(HttpRequests.Photo(app.Services, photo), _ct));

        Assert.Equal(503, status);
        Assert.Contains("No model is published", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Probability that a random dog photo scores above a random not-dog (ties count half).</summary>
    private static double Auroc(double[] positives, double[] negatives)
    {
        double wins = 0;
        foreach (double p in positives)
        {
            foreach (double n in negatives)
            {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }

        return wins / (positives.Length * (double)negatives.Length);
    }
}
