using System.Text;
using System.Text.Json.Nodes;
using DogBreeds.Core.Models;
using DogBreeds.Core.Tests.Training;
using DogBreeds.Core.Training;

namespace DogBreeds.Core.Tests.Models;

public sealed class BreedModelTests : IDisposable
{
    private const string BackboneSha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dogbreeds-model-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static BreedModel Model() =>
        BaggedSgdTrainer.Train(
            SyntheticFeatures.Blobs(classes: 4, perClass: 30, dimensions: 16, separation: 1.5, noise: 1, seed: 4),
            new TrainingOptions { Estimators = 3, Epochs = 5, ValidationFraction = 0.2 },
            "resnet18",
            BackboneSha);

    [Fact]
    public void Save_ThenLoad_SamePredictionsAndManifest()
    {
        var model = Model();
        var photo = Enumerable.Range(0, 16).Select(i => (float)Math.Sin(i)).ToArray();

        model.Save(_folder);
        var sut = BreedModel.Load(_folder, BackboneSha);

        Assert.Equal(model.PredictProbabilities(photo), sut.PredictProbabilities(photo));
        Assert.Equal(model.Classes, sut.Classes);
        Assert.Equal(model.NotDogThreshold, sut.NotDogThreshold);
        Assert.Equal(model.Temperature, sut.Temperature);
        Assert.Equal(model.Manifest.Metrics!.LogLoss, sut.Manifest.Metrics!.LogLoss);
        Assert.Equal(model.Manifest.Options.Estimators, sut.Manifest.Options.Estimators);
        BaggedSgdTrainerTests.AssertSameModel(model, sut);
    }

    [Fact]
    public void ToFiles_ThenFromFiles_RoundTrips()
    {
        var model = Model();

        var files = model.ToFiles();
        var sut = BreedModel.FromFiles(files);

        Assert.Equal([BreedModel.ManifestFileName, BreedModel.WeightsFileName], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(files[BreedModel.WeightsFileName], sut.ToFiles()[BreedModel.WeightsFileName]);
        Assert.Contains("\"formatVersion\": 1", Encoding.UTF8.GetString(files[BreedModel.ManifestFileName]), StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_OtherBackbone_ThrowsSentenceNamingIt()
    {
        var files = Model().ToFiles();

        var error = Assert.Throws<ModelFormatException>(() => BreedModel.FromFiles(files, expectedBackboneSha256: new string('f', 64)));

        Assert.Contains("trained on backbone 'resnet18'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not on the expected backbone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_NewerFormatVersion_ThrowsSentence()
    {
        var files = new Dictionary<string, byte[]>(Model().ToFiles());
        var manifest = JsonNode.Parse(files[BreedModel.ManifestFileName])!;
        manifest["formatVersion"] = BreedModel.CurrentFormatVersion + 1;
        files[BreedModel.ManifestFileName] = Encoding.UTF8.GetBytes(manifest.ToJsonString());

        var error = Assert.Throws<ModelFormatException>(() => BreedModel.FromFiles(files));

        Assert.Contains("format version 2, which is newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_CorruptWeights_ThrowsSentence()
    {
        var files = new Dictionary<string, byte[]>(Model().ToFiles());
        var weights = (byte[])files[BreedModel.WeightsFileName].Clone();
        weights[^1] ^= 0x40;
        files[BreedModel.WeightsFileName] = weights;

        var error = Assert.Throws<ModelFormatException>(() => BreedModel.FromFiles(files));

        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsSentence()
    {
        var error = Assert.Throws<ModelFormatException>(() => BreedModel.Load(_folder));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictProbabilities_WrongLength_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Model().PredictProbabilities(new float[3]));

        Assert.Contains("16 features", error.Message, StringComparison.Ordinal);
    }
}
