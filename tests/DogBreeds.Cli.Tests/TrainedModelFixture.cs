using DogBreeds.Tests;

namespace DogBreeds.Cli.Tests;

/// <summary>
/// Trains one model with the CLI's defaults on the shared <c>train/</c> photos, once for all the
/// end-to-end tests; the feature cache it fills serves the later commands.
/// </summary>
public sealed class TrainedModelFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dogbreeds-cli-tests-" + Environment.ProcessId);

    public string ModelDir => Path.Combine(_root, "model");

    public string CacheDir => Path.Combine(_root, "cache");

    public string Root => _root;

    internal CliResult? Training { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (DogPhotos.Available)
        {
            Directory.CreateDirectory(_root);
            Training = await CliProcess.RunAsync(
                "train", "--images", DogPhotos.TrainDir, "--labels", DogPhotos.LabelsCsv, "--out", ModelDir, "--cache", CacheDir);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
