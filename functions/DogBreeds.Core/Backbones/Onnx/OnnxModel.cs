using Microsoft.ML.OnnxRuntime;

namespace DogBreeds.Core.Backbones.Onnx;

/// <summary>A loaded ONNX model: its process-wide session and what was learned while loading it.</summary>
/// <param name="Session">The session; thread-safe, shared, never disposed before the process ends.</param>
/// <param name="Batchable">True when every input takes any batch size.</param>
/// <param name="Provider">The execution provider actually in use (Cpu or Cuda).</param>
internal sealed record OnnxModel(InferenceSession Session, bool Batchable, ExecutionProvider Provider);
