using DogBreeds.Core.Evaluation;
using DogBreeds.Core.Features;
using DogBreeds.Core.Models;
using DogBreeds.Core.Training;

namespace DogBreeds.Core.Tests.Training;

public sealed class BaggedSgdTrainerTests
{
    private static readonly DateTimeOffset s_created = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static LabelledFeatures Data() =>
        SyntheticFeatures.Blobs(classes: 5, perClass: 40, dimensions: 24, separation: 1.5, noise: 1, seed: 21);

    private static TrainingOptions Options(SgdLoss loss = SgdLoss.OneVsRest) =>
        new() { Estimators = 6, Epochs = 10, Loss = loss, Seed = 3, ValidationFraction = 0.2 };

    [Theory]
    [InlineData(SgdLoss.OneVsRest)]
    [InlineData(SgdLoss.Multinomial)]
    public void Train_OneThreadAndFourThreads_BitwiseEqualWeights(SgdLoss loss)
    {
        var data = Data();

        var sequential = BaggedSgdTrainer.Train(data, Options(loss), "test", "abc", maxDegreeOfParallelism: 1, s_created);
        var parallel = BaggedSgdTrainer.Train(data, Options(loss), "test", "abc", maxDegreeOfParallelism: 4, s_created);

        AssertSameModel(sequential, parallel);
    }

    [Fact]
    public void Train_DifferentSeed_DifferentWeights()
    {
        var data = Data();
        var other = Options();
        other.Seed = 4;

        var a = BaggedSgdTrainer.Train(data, Options(), "test", "abc", createdUtc: s_created);
        var b = BaggedSgdTrainer.Train(data, other, "test", "abc", createdUtc: s_created);

        Assert.NotEqual(a.Members[0].Weights, b.Members[0].Weights);
    }

    [Fact]
    public void Train_ComposedFromDurablePieces_SameModelBitForBit()
    {
        var data = Data();
        var options = Options();

        var local = BaggedSgdTrainer.Train(data, options, "test", "abc", createdUtc: s_created);

        // As a durable orchestration would: preparation through JSON, members through bytes, out of order.
        var preparation = TrainingPreparation.FromJsonBytes(BaggedSgdTrainer.Prepare(data, options).ToJsonBytes());
        var members = Enumerable.Range(0, options.Estimators).Reverse()
            .Select(i => EnsembleMember.FromBytes(BaggedSgdTrainer.TrainMember(data, preparation, options, i).ToBytes()))
            .ToArray();
        var sut = BaggedSgdTrainer.Assemble(data, preparation, options, members, "test", "abc", s_created);

        AssertSameModel(local, sut);
        Assert.Equal(local.ToFiles()[BreedModel.ManifestFileName], sut.ToFiles()[BreedModel.ManifestFileName]);
    }

    [Fact]
    public void Train_SeparableBlobs_HighValidationAccuracyAndCalibrated()
    {
        var data = SyntheticFeatures.Blobs(classes: 5, perClass: 60, dimensions: 24, separation: 1.5, noise: 1, seed: 5);
        var (train, test) = data.StratifiedSplit(0.3, seed: 1);

        var sut = BaggedSgdTrainer.Train(train, Options(), "test", "abc", createdUtc: s_created);
        var report = ModelEvaluator.Evaluate(sut, test);

        Assert.True(report.Accuracy >= 0.95, $"accuracy {report.Accuracy}");
        Assert.True(report.LogLoss < 0.2, $"log loss {report.LogLoss}");
        Assert.NotNull(sut.Manifest.Metrics);
        Assert.InRange(sut.NotDogThreshold, 0.2, 1.0);
    }

    [Fact]
    public void Assemble_Calibrate_ValidationLogLossNoWorseAndLowerOnOverconfidentModel()
    {
        // Noisy, overlapping blobs and long unregularised training: the raw ensemble is miscalibrated.
        var data = SyntheticFeatures.Blobs(classes: 4, perClass: 60, dimensions: 30, separation: 0.5, noise: 1, seed: 8);
        var calibrated = new TrainingOptions { Estimators = 4, Epochs = 40, Alpha = 1e-6, L1Ratio = 0, ValidationFraction = 0.3, Tolerance = 0, MaxSamples = 1 };
        var raw = calibrated.Clone();
        raw.Calibrate = false;

        var sut = BaggedSgdTrainer.Train(data, calibrated, "test", "abc", createdUtc: s_created);
        var uncalibrated = BaggedSgdTrainer.Train(data, raw, "test", "abc", createdUtc: s_created);

        Assert.NotEqual(1.0, sut.Temperature);
        Assert.Equal(1.0, uncalibrated.Temperature);
        Assert.True(
            sut.Manifest.Metrics!.LogLoss < uncalibrated.Manifest.Metrics!.LogLoss - 0.01,
            $"validation log loss {uncalibrated.Manifest.Metrics.LogLoss} -> {sut.Manifest.Metrics.LogLoss} (T = {sut.Temperature})");
    }

    [Fact]
    public void TrainMember_RareClassMissingFromBag_ReportsPresentClassesAndProbabilitiesStillSumToOne()
    {
        // Class "rare" has 2 photos out of 202; small bags miss it. The member must list only present classes.
        var rows = SyntheticFeatures.Blobs(classes: 2, perClass: 100, dimensions: 6, separation: 2, noise: 1, seed: 9);
        var list = Enumerable.Range(0, rows.Rows).Select(r => (rows.Ids[r], rows.Classes[rows.Labels[r]], rows.Row(r).ToArray())).ToList();
        list.Add(("r1", "rare", [5f, 5f, 5f, 5f, 5f, 5f]));
        list.Add(("r2", "rare", [5f, 5f, 5f, 5f, 5f, 5f]));
        var data = LabelledFeatures.Create(list);
        var options = new TrainingOptions { Estimators = 20, MaxSamples = 0.05, Epochs = 5, ValidationFraction = 0 };
        var preparation = BaggedSgdTrainer.Prepare(data, options);

        var members = Enumerable.Range(0, options.Estimators).Select(i => BaggedSgdTrainer.TrainMember(data, preparation, options, i)).ToArray();
        var sut = BaggedSgdTrainer.Assemble(data, preparation, options, members, "test", "abc", s_created);

        var rare = data.Classes.ToList().IndexOf("rare");
        Assert.Contains(members, m => !m.ClassIndices.Contains(rare));
        var probabilities = sut.PredictProbabilities(data.Row(0));
        Assert.Equal(1.0, probabilities.Sum(), 4);
        Assert.All(probabilities, p => Assert.True(float.IsFinite(p)));
    }

    [Fact]
    public void TrainMember_BagWithOneBreed_ThrowsSentence()
    {
        var data = LabelledFeatures.Create(
            [.. Enumerable.Range(0, 50).Select(i => ($"a{i}", "common", new[] { (float)i, 1f })), ("b", "rare", [1f, 2f])]);
        var options = new TrainingOptions { Estimators = 1, MaxSamples = 0.02, ValidationFraction = 0 };
        var preparation = BaggedSgdTrainer.Prepare(data, options);

        var error = Assert.Throws<InvalidOperationException>(() => BaggedSgdTrainer.TrainMember(data, preparation, options, 0));

        Assert.Contains("only 1 breed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainMember_OtherData_ThrowsSentence()
    {
        var preparation = BaggedSgdTrainer.Prepare(Data(), Options());
        var other = SyntheticFeatures.Blobs(classes: 5, perClass: 41, dimensions: 24, separation: 1.5, noise: 1, seed: 21);

        var error = Assert.Throws<ArgumentException>(() => BaggedSgdTrainer.TrainMember(other, preparation, Options(), 0));

        Assert.Contains("not the data this preparation was made from", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_ConstantFeature_DroppedByVarianceMask()
    {
        var data = LabelledFeatures.Create(
            [.. Enumerable.Range(0, 40).Select(i => ($"p{i}", i % 2 == 0 ? "a" : "b", new[] { i * 0.1f, 7f, i % 2 }))]);

        var sut = BaggedSgdTrainer.Prepare(data, new TrainingOptions { ValidationFraction = 0 });

        Assert.Equal([0, 2], sut.KeptFeatures);
    }

    [Fact]
    public void DogThreshold_NinetyFivePercent_KeepsAtLeastThatShare()
    {
        var scores = Enumerable.Range(1, 100).Select(i => i / 100.0).ToArray();

        var sut = BaggedSgdTrainer.DogThreshold(scores, 0.95);

        Assert.Equal(0.06, sut, 10);
        Assert.Equal(95, scores.Count(s => s >= sut));
    }

    internal static void AssertSameModel(BreedModel expected, BreedModel actual)
    {
        Assert.Equal(expected.Members.Count, actual.Members.Count);
        for (var i = 0; i < expected.Members.Count; i++)
        {
            Assert.Equal(expected.Members[i].FeatureIndices, actual.Members[i].FeatureIndices);
            Assert.Equal(expected.Members[i].ClassIndices, actual.Members[i].ClassIndices);
            Assert.Equal(
                expected.Members[i].Weights.Select(BitConverter.SingleToInt32Bits),
                actual.Members[i].Weights.Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(
                expected.Members[i].Intercepts.Select(BitConverter.SingleToInt32Bits),
                actual.Members[i].Intercepts.Select(BitConverter.SingleToInt32Bits));
        }

        Assert.Equal(expected.Temperature, actual.Temperature);
        Assert.Equal(expected.NotDogThreshold, actual.NotDogThreshold);
        Assert.Equal(expected.Manifest.WeightsSha256, actual.Manifest.WeightsSha256);
    }
}
