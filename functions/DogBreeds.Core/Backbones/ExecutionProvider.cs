namespace DogBreeds.Core.Backbones;

/// <summary>Where ONNX Runtime runs the backbones.</summary>
public enum ExecutionProvider
{
    /// <summary>CUDA when it loads, otherwise the CPU (the fallback is logged once per process).</summary>
    Auto,

    /// <summary>The CPU only.</summary>
    Cpu,

    /// <summary>CUDA only: creating an extractor fails with a sentence when CUDA cannot be loaded.</summary>
    Cuda,
}
