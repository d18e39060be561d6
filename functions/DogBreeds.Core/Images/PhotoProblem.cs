namespace DogBreeds.Core.Images;

/// <summary>Why a photo was rejected.</summary>
public enum PhotoProblem
{
    /// <summary>The photo has no bytes.</summary>
    Empty,

    /// <summary>The photo's data ends early or is damaged.</summary>
    Truncated,

    /// <summary>The bytes are not an image in any known format.</summary>
    NotAnImage,

    /// <summary>The photo is an image, but in a variant the decoder cannot read.</summary>
    UnsupportedFormat,

    /// <summary>The photo is over a limit of <see cref="PhotoLimits"/>.</summary>
    TooLarge,
}
