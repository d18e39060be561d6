using System.Globalization;
using DogBreeds.Core.Backbones;
using DogBreeds.Core.Images;

namespace DogBreeds.Core.Tests.Backbones;

/// <summary>Backbones over tiny Identity models, described by manifest files as a user would write them.</summary>
internal static class TestBackbones
{
    /// <summary>An Identity backbone (fixed batch 1 in the file, so the batch rewrite is exercised): the features are the input tensor itself.</summary>
    public static BackboneManifest Identity(
        TempFolder folder,
        string id,
        int size,
        TensorLayout layout = TensorLayout.Nchw,
        PixelPreprocessing preprocessing = PixelPreprocessing.None,
        FeaturePooling pooling = FeaturePooling.None,
        bool flip = false,
        double cropFraction = 1.0)
    {
        long[] shape = layout == TensorLayout.Nchw ? [1, 3, size, size] : [1, size, size, 3];
        TinyOnnxModels.Save(folder.Path, id + ".onnx", TinyOnnxModels.Identity(shape));
        var json = $$"""
            {
              // a user-written manifest
              "id": "{{id}}",
              "models": [ "{{id}}.onnx" ],
              "inputName": "x",
              "outputName": "y",
              "inputSize": {{size}},
              "layout": "{{Lower(layout)}}",
              "preprocessing": "{{Lower(preprocessing)}}",
              "pooling": "{{Lower(pooling)}}",
              "crop": "center",
              "cropFraction": {{cropFraction.ToString(CultureInfo.InvariantCulture)}},
              "testTimeFlip": {{(flip ? "true" : "false")}}
            }
            """;
        var path = folder.File(id + ".backbone.json");
        File.WriteAllText(path, json);
        return BackboneManifest.Load(path);
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
