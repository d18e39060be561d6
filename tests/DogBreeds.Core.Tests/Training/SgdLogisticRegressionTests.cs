using DogBreeds.Core.Training;

namespace DogBreeds.Core.Tests.Training;

public sealed class SgdLogisticRegressionTests
{
    [Theory]
    [InlineData(SgdLoss.OneVsRest, 0.15)]
    [InlineData(SgdLoss.Multinomial, 0.15)]
    [InlineData(SgdLoss.OneVsRest, 0.0)]
    [InlineData(SgdLoss.Multinomial, 0.0)]
    public void Train_SeparableBlobs_ClassifiesEveryTrainingRow(SgdLoss loss, double l1Ratio)
    {
        var data = SyntheticFeatures.Blobs(classes: 4, perClass: 40, dimensions: 8, separation: 3, noise: 0.5, seed: 11);
        var options = new TrainingOptions { Loss = loss, L1Ratio = l1Ratio, Alpha = 1e-3, Epochs = 20 };
        var weights = Enumerable.Repeat(1.0, 4).ToArray();

        var sut = SgdLogisticRegression.Train(data.Values, data.Columns, data.Labels, 4, weights, options, new DeterministicRandom(1));

        var correct = 0;
        for (var r = 0; r < data.Rows; r++)
        {
            var scores = Enumerable.Range(0, 4)
                .Select(c => System.Numerics.Tensors.TensorPrimitives.Dot(sut.Weights.AsSpan(c * 8, 8), data.Row(r)) + sut.Intercepts[c])
                .ToArray();
            correct += Array.IndexOf(scores, scores.Max()) == data.Labels[r] ? 1 : 0;
        }

        Assert.Equal(data.Rows, correct);
        Assert.True(sut.FinalLoss < 0.5, $"final loss {sut.FinalLoss}");
    }

    [Fact]
    public void Train_ToleranceReached_StopsBeforeMaxEpochs()
    {
        var data = SyntheticFeatures.Blobs(classes: 3, perClass: 30, dimensions: 4, separation: 4, noise: 0.3, seed: 2);
        var options = new TrainingOptions { Epochs = 1000, Tolerance = 1e-2, NoImprovementEpochs = 3 };

        var sut = SgdLogisticRegression.Train(data.Values, data.Columns, data.Labels, 3, [1.0, 1.0, 1.0], options, new DeterministicRandom(1));

        Assert.InRange(sut.Epochs, 4, 999);
    }

    [Fact]
    public void Train_StrongL1_ZeroesUselessFeatures()
    {
        // Two informative features, six pure-noise ones: strong L1 should zero most noise weights.
        var random = new DeterministicRandom(5);
        var rows = Enumerable.Range(0, 200).Select(i =>
        {
            var label = i % 2;
            var x = new float[8];
            x[0] = (float)((label * 2) - 1 + (0.3 * SyntheticFeatures.Gaussian(random)));
            x[1] = (float)((label * 2) - 1 + (0.3 * SyntheticFeatures.Gaussian(random)));
            for (var j = 2; j < 8; j++)
            {
                x[j] = (float)SyntheticFeatures.Gaussian(random);
            }

            return (x, label);
        }).ToArray();
        var values = rows.SelectMany(r => r.x).ToArray();
        var labels = rows.Select(r => r.label).ToArray();
        var options = new TrainingOptions { Loss = SgdLoss.Multinomial, L1Ratio = 1, Alpha = 0.05, Epochs = 30, Tolerance = 0 };

        var sut = SgdLogisticRegression.Train(values, 8, labels, 2, [1.0, 1.0], options, new DeterministicRandom(1));

        var noiseZeros = Enumerable.Range(0, 2).SelectMany(c => Enumerable.Range(2, 6).Select(j => sut.Weights[(c * 8) + j])).Count(w => w == 0);
        Assert.True(noiseZeros >= 8, $"only {noiseZeros} of 12 noise weights are zero");
        Assert.NotEqual(0f, sut.Weights[0]);
    }
}
