using System.Globalization;
using DogBreeds.Core.Evaluation;
using DogBreeds.Core.Features;
using DogBreeds.Core.Models;
using DogBreeds.Core.Training;

namespace DogBreeds.Core.Tests.Training;

/// <summary>
/// The project's quality targets for the trainer on real photos' features, in one place so that every test
/// that has real features (from CSV files here, or extracted from the shared photos by the backbone) asserts
/// the same thing: train with the default options on the train photos, evaluate on the val photos.
/// </summary>
public static class RealFeatureTargets
{
    /// <summary>Minimum accuracy on val/.</summary>
    public const double MinAccuracy = 0.94;

    /// <summary>Maximum Kaggle log loss on val/.</summary>
    public const double MaxLogLoss = 0.22;

    /// <summary>Minimum AUROC of the max-probability rule, val/ dogs against not-dogs/.</summary>
    public const double MinNotDogAuroc = 0.96;

    /// <summary>
    /// Trains on <paramref name="train"/> (default options unless given), evaluates on <paramref name="validation"/>
    /// (and <paramref name="notDogs"/> for the AUROC) and asserts the targets. Returns the model and report.
    /// </summary>
    public static (BreedModel Model, EvaluationReport Report) AssertMeetsTargets(
        LabelledFeatures train,
        LabelledFeatures validation,
        LabelledFeatures? notDogs,
        string backboneId = "resnet18",
        string backboneSha256 = "unknown",
        TrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        var model = BaggedSgdTrainer.Train(train, options ?? new TrainingOptions(), backboneId, backboneSha256);
        var report = ModelEvaluator.Evaluate(model, validation, notDogs);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Count} val photos: accuracy {report.Accuracy:F4} (target >= {MinAccuracy}), log loss {report.LogLoss:F4} (target <= {MaxLogLoss}), top-3 {report.Top3:F4}, not-dog AUROC {report.NotDogAuroc:F4} (target >= {MinNotDogAuroc}), temperature {model.Temperature:F3}, threshold {model.NotDogThreshold:F3}");
        TestContext.Current.TestOutputHelper?.WriteLine(summary);

        Assert.True(report.Accuracy >= MinAccuracy, summary);
        Assert.True(report.LogLoss <= MaxLogLoss, summary);
        if (notDogs is not null)
        {
            Assert.True(report.NotDogAuroc >= MinNotDogAuroc, summary);
        }

        return (model, report);
    }
}
