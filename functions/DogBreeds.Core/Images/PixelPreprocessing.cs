namespace DogBreeds.Core.Images;

/// <summary>How 8-bit RGB pixels become the floats a backbone expects.</summary>
public enum PixelPreprocessing
{
    /// <summary>RGB order, values 0-255 unchanged. The built-in resnet18 uses this because its
    /// first model (ResNetPreprocess.onnx) does the caffe step (BGR, minus a mean image) itself.</summary>
    None,

    /// <summary>Keras "caffe": BGR order, minus the ImageNet channel means (103.939, 116.779, 123.68), no scaling.</summary>
    Caffe,

    /// <summary>Keras "tf": RGB order, scaled to [-1, 1] (x / 127.5 - 1).</summary>
    Tf,

    /// <summary>Keras/PyTorch "torch": RGB order, x / 255 minus mean (0.485, 0.456, 0.406), divided by std (0.229, 0.224, 0.225).</summary>
    Torch,
}
