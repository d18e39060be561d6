using DogBreeds.Core.Backbones;
using DogBreeds.Core.Images;
using DogBreeds.Tests;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace DogBreeds.Core.Tests.Backbones;

public sealed class ResNet18BatchTests(ResNet18Fixture fixture) : IClassFixture<ResNet18Fixture>
{
    [Fact]
    public void ExtractImages_BatchOfThree_EqualsOriginalBatchOneModels()
    {
        var manifest = BackboneManifest.Resolve("resnet18");
        var decoder = new PhotoDecoder(new PhotoLimits());
        var images = DogPhotos.ValPhotos(3).Select(p => decoder.Decode(File.ReadAllBytes(p), p)).ToList();
        try
        {
            var sut = fixture.Extractor.ExtractImages(images);

            // The untouched files from the NuGet package, batch fixed at 1, run one photo at a time.
            using var preprocess = new InferenceSession(manifest.ModelPaths[0]);
            using var resnet = new InferenceSession(manifest.ModelPaths[1]);
            Assert.Equal([1, 3, 224, 224], resnet.InputMetadata["Input247"].Dimensions);
            var writer = new PhotoTensorWriter(224, TensorLayout.Nchw, PixelPreprocessing.None);
            for (var i = 0; i < images.Count; i++)
            {
                var tensor = new float[writer.Length];
                writer.Write(images[i], tensor);
                using var input = OrtValue.CreateTensorValueFromMemory(tensor, [1, 3, 224, 224]);
                using var runOptions = new RunOptions();
                using var prepared = preprocess.Run(runOptions, ["OriginalInput"], [input], ["PreprocessedInput"]);
                using var output = resnet.Run(runOptions, ["Input247"], [prepared[0]], ["Pooling395_Output_0"]);
                var expected = output[0].GetTensorDataAsSpan<float>().ToArray();

                Assert.Equal(512, expected.Length);
                var maxDifference = expected.Zip(sut[i], (a, b) => Math.Abs(a - b)).Max();
                Assert.True(maxDifference < 1e-4, $"photo {i}: batched features differ from the original model's by {maxDifference}");
            }
        }
        finally
        {
            images.ForEach(image => image.Dispose());
        }
    }

    [Fact]
    public void Extract_MirroredPhoto_DiffersButStaysClose()
    {
        var photo = DogPhotos.ValPhotos(2)[1];
        var decoder = new PhotoDecoder(new PhotoLimits());
        using var image = decoder.Decode(File.ReadAllBytes(photo), photo);
        using var mirrored = image.Clone(x => x.Flip(FlipMode.Horizontal));

        var features = fixture.Extractor.ExtractImages([image, mirrored]);

        var cosine = System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(features[0], features[1]);
        Assert.NotEqual(features[0], features[1]);
        Assert.True(cosine > 0.8, $"a photo and its mirror image should have similar features (cosine {cosine})");
    }
}
