namespace DogBreeds.Core.Images;

/// <summary>How a photo of any shape becomes the square input of a backbone.</summary>
public enum CropMode
{
    /// <summary>Keep the aspect ratio: take the central square covering <c>CropFraction</c> of the short
    /// side, scaled to the input size (the same as resizing the short side to size / fraction, then
    /// cropping the centre).</summary>
    Center,

    /// <summary>Squash the whole photo to the input size, ignoring its aspect ratio.</summary>
    Stretch,
}
