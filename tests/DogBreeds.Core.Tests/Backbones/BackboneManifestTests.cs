using DogBreeds.Core.Backbones;
using DogBreeds.Core.Images;

namespace DogBreeds.Core.Tests.Backbones;

public sealed class BackboneManifestTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Resolve_ResNet18_IsTheBuiltInChain()
    {
        var sut = BackboneManifest.Resolve("resnet18");

        Assert.Equal("resnet18", sut.Id);
        Assert.Equal(["ResNetPreprocess.onnx", "ResNet18.onnx"], sut.Models);
        Assert.Equal("OriginalInput", sut.InputName);
        Assert.Equal("Pooling395_Output_0", sut.OutputName);
        Assert.Equal(224, sut.InputSize);
        Assert.Equal(TensorLayout.Nchw, sut.Layout);
        Assert.Equal(PixelPreprocessing.None, sut.Preprocessing);
        Assert.All(sut.ModelPaths, p => Assert.True(File.Exists(p), $"{p} is missing"));
    }

    [Fact]
    public void Sha256_SettingChanges_HashChanges()
    {
        var sut = BackboneManifest.Resolve("resnet18");

        var again = BackboneManifest.Resolve("resnet18");
        var flipped = sut with { TestTimeFlip = true };

        Assert.Matches("^[0-9a-f]{64}$", sut.Sha256);
        Assert.Equal(sut.Sha256, again.Sha256);
        Assert.NotEqual(sut.Sha256, flipped.Sha256);
    }

    [Fact]
    public void Sha256_ModelFileChanges_HashChanges()
    {
        var sut = TestBackbones.Identity(_folder, "tiny", 4);
        var before = sut.Sha256;

        File.WriteAllBytes(sut.ModelPaths[0], TinyOnnxModels.Identity([1, 3, 4, 5]));
        File.SetLastWriteTimeUtc(sut.ModelPaths[0], DateTime.UtcNow.AddMinutes(1));

        Assert.NotEqual(before, sut.Sha256);
    }

    [Fact]
    public void Resolve_FolderOrFile_LoadsIt()
    {
        var manifest = TestBackbones.Identity(_folder, "tiny", 4);
        File.Copy(_folder.File("tiny.backbone.json"), _folder.File(BackboneManifest.FileName));

        var sut = BackboneManifest.Resolve(_folder.Path);

        Assert.Equal(manifest.ModelPaths, sut.ModelPaths);
    }

    [Fact]
    public void Resolve_Unknown_ThrowsSentenceListingKnown()
    {
        var error = Assert.Throws<FileNotFoundException>(() => BackboneManifest.Resolve("vgg99"));

        Assert.Contains("'vgg99'", error.Message, StringComparison.Ordinal);
        Assert.Contains("resnet18", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"id\": \"x\", \"models\": [\"missing.onnx\"] }", "does not exist")]
    [InlineData("{ \"id\": \"bad id\", \"models\": [\"m.onnx\"] }", "must be non-empty")]
    [InlineData("{ \"id\": \"x\", \"models\": [] }", "lists no ONNX model")]
    [InlineData("{ \"id\": \"x\", \"models\": [\"m.onnx\"], \"layout\": \"nchwx\" }", "not valid JSON")]
    [InlineData("{ \"id\": \"x\", \"models\": [\"m.onnx\"], \"cropFraction\": 1.5 }", "crop fraction")]
    [InlineData("not json", "not valid JSON")]
    public void Load_BadManifest_ThrowsSentence(string json, string expected)
    {
        File.WriteAllBytes(_folder.File("m.onnx"), TinyOnnxModels.Identity([1, 3, 4, 4]));
        var path = _folder.File("bad.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<InvalidDataException>(() => BackboneManifest.Load(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
