using DogBreeds.Core.Features;

namespace DogBreeds.Core.Tests.Training;

/// <summary>
/// Trains on real ResNet18 features of the shared photos when a features folder exists (train.csv, val.csv,
/// notdogs.csv as written by the extraction step): DOGBREEDS_FEATURES, or a "features" folder beside the
/// repository or one of its parents. Skipped when absent: the photo-based test (which extracts the features
/// itself) asserts the same targets through <see cref="RealFeatureTargets"/>.
/// </summary>
public sealed class RealFeatureTests
{
    [Fact]
    public void Train_RealResNet18Features_MeetsAccuracyLogLossAndNotDogTargets()
    {
        var folder = FeaturesFolder();
        if (folder is null)
        {
            Assert.Skip("No real features: set DOGBREEDS_FEATURES to a folder with train.csv and val.csv (and notdogs.csv) to run this test.");
        }

        var train = FeatureCsv.Read(Path.Combine(folder, "train.csv"));
        var validation = FeatureCsv.Read(Path.Combine(folder, "val.csv"));
        var notDogsPath = Path.Combine(folder, "notdogs.csv");
        var notDogs = File.Exists(notDogsPath) ? FeatureCsv.Read(notDogsPath) : null;

        var (model, report) = RealFeatureTargets.AssertMeetsTargets(train, validation, notDogs);

        Assert.Equal(train.Classes, model.Classes);
        Assert.Equal(validation.Rows, report.Count);
    }

    private static string? FeaturesFolder()
    {
        var configured = Environment.GetEnvironmentVariable("DOGBREEDS_FEATURES");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "train.csv")) ? configured : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "features");
            if (File.Exists(Path.Combine(candidate, "train.csv")) && File.Exists(Path.Combine(candidate, "val.csv")))
            {
                return candidate;
            }
        }

        return null;
    }
}
