using System.Text.Json;
using DogBreeds.Core.Evaluation;

namespace DogBreeds.Core.Tests.Evaluation;

public sealed class ModelEvaluatorTests
{
    // Three photos, classes a, b, c: photo 0 (a) predicted a; photo 1 (b) predicted a, b second; photo 2 (c) predicted c.
    private static readonly float[] s_probabilities = [0.7f, 0.2f, 0.1f, 0.5f, 0.4f, 0.1f, 0.1f, 0.1f, 0.8f];

    [Fact]
    public void Evaluate_HandCase_AccuracyTopKConfusionPerBreed()
    {
        var sut = ModelEvaluator.Evaluate(["a", "b", "c"], s_probabilities, [0, 1, 2]);

        Assert.Equal(2.0 / 3, sut.Accuracy, 12);
        Assert.Equal(1.0, sut.Top3);
        Assert.Equal(3, sut.Count);
        Assert.Equal([1, 0, 0], sut.Confusion[0]);
        Assert.Equal([1, 0, 0], sut.Confusion[1]);
        Assert.Equal(new BreedMetrics("a", 0.5, 1, 1), sut.PerBreed[0]);
        Assert.Equal(new BreedMetrics("b", 0, 0, 1), sut.PerBreed[1]);
        Assert.Equal((-Math.Log(0.7) - Math.Log(0.4) - Math.Log(0.8)) / 3, sut.LogLoss, 6);
    }

    [Fact]
    public void ToJson_Report_CamelCaseNamesAndRoundTrip()
    {
        var sut = ModelEvaluator.Evaluate(["a", "b", "c"], s_probabilities, [0, 1, 2], notDogAuroc: 0.97);

        var json = sut.ToJson();
        using var document = JsonDocument.Parse(json);

        foreach (var name in new[] { "accuracy", "logLoss", "top3", "top5", "count", "perBreed", "confusion", "notDogAuroc" })
        {
            Assert.True(document.RootElement.TryGetProperty(name, out _), $"missing {name}");
        }

        var back = EvaluationReport.FromJson(json);
        Assert.Equal(sut.LogLoss, back.LogLoss);
        Assert.Equal(sut.PerBreed, back.PerBreed);
    }
}
