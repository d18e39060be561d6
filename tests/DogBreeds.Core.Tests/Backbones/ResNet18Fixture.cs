using DogBreeds.Core.Backbones;
using DogBreeds.Core.Images;

namespace DogBreeds.Core.Tests.Backbones;

/// <summary>One built-in resnet18 extractor on the CPU for a test class (the ONNX sessions are process-wide anyway).</summary>
public sealed class ResNet18Fixture : IDisposable
{
    public ResNet18Fixture()
    {
        Extractor = FeatureExtractor.Create([BackboneManifest.Resolve("resnet18")], ExecutionProvider.Cpu, new PhotoLimits());
    }

    public FeatureExtractor Extractor { get; }

    public void Dispose() => Extractor.Dispose();
}
