namespace DogBreeds.Core.Images;

/// <summary>Memory order of a batch of photos given to a model.</summary>
public enum TensorLayout
{
    /// <summary>Batch, channel, height, width: planar (PyTorch, CNTK, ONNX zoo).</summary>
    Nchw,

    /// <summary>Batch, height, width, channel: interleaved (Keras/TensorFlow exports).</summary>
    Nhwc,
}
