using DogBreeds.Core.Evaluation;
using DogBreeds.Core.Training;

namespace DogBreeds.Core.Tests.Training;

public sealed class TemperatureScalingTests
{
    [Fact]
    public void Fit_OverconfidentPredictions_TemperatureAboveOneLowersLogLoss()
    {
        // 70% right, but always 99% sure: softening (T > 1) must lower the log loss.
        var (probabilities, labels) = Predictions(rows: 100, correctFraction: 0.7, confidence: 0.99);
        var before = MultiClassLogLoss.Compute(probabilities, labels, 3);

        var sut = TemperatureScaling.Fit(probabilities, labels, 3);
        for (var r = 0; r < labels.Length; r++)
        {
            TemperatureScaling.Apply(probabilities.AsSpan(r * 3, 3), sut);
        }

        var after = MultiClassLogLoss.Compute(probabilities, labels, 3);
        Assert.True(sut > 1, $"temperature {sut}");
        Assert.True(after < before - 0.5, $"log loss {before} -> {after}");
    }

    [Fact]
    public void Fit_UnderconfidentPredictions_TemperatureBelowOne()
    {
        // Always right but only 40% sure: sharpening (T < 1) helps.
        var (probabilities, labels) = Predictions(rows: 50, correctFraction: 1, confidence: 0.4);

        var sut = TemperatureScaling.Fit(probabilities, labels, 3);

        Assert.True(sut < 1, $"temperature {sut}");
    }

    [Fact]
    public void Apply_TemperatureOne_LeavesProbabilities()
    {
        float[] sut = [0.2f, 0.3f, 0.5f];

        TemperatureScaling.Apply(sut, 1);

        Assert.Equal([0.2f, 0.3f, 0.5f], sut, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    private static (float[] Probabilities, int[] Labels) Predictions(int rows, double correctFraction, double confidence)
    {
        var probabilities = new float[rows * 3];
        var labels = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            labels[r] = r % 3;
            var predicted = r < rows * correctFraction ? labels[r] : (labels[r] + 1) % 3;
            for (var c = 0; c < 3; c++)
            {
                probabilities[(r * 3) + c] = (float)(c == predicted ? confidence : (1 - confidence) / 2);
            }
        }

        return (probabilities, labels);
    }
}
