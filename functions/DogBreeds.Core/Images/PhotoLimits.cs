namespace DogBreeds.Core.Images;

/// <summary>
/// Guards applied to every photo before and while it is decoded, so that a hostile or broken file
/// cannot exhaust memory: a cap on the encoded size, a cap on the pixel count read from the header
/// (before any pixel is decoded) and a cap on any single buffer the decoder allocates.
/// </summary>
public sealed class PhotoLimits
{
    /// <summary>Default cap on the encoded size of a photo: 10 MiB.</summary>
    public const long DefaultMaxBytes = 10L * 1024 * 1024;

    /// <summary>Default cap on width × height: 50 megapixels.</summary>
    public const long DefaultMaxPixels = 50_000_000;

    /// <summary>Default cap on one decoder allocation: 512 MB (a 50-megapixel 16-bit RGBA frame is 400 MB).</summary>
    public const int DefaultMaxAllocationMegabytes = 512;

    /// <summary>Largest accepted encoded photo, in bytes.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Largest accepted width × height, checked from the header before decoding.</summary>
    public long MaxPixels { get; set; } = DefaultMaxPixels;

    /// <summary>Largest single buffer the image decoder may allocate, in megabytes.</summary>
    public int MaxAllocationMegabytes { get; set; } = DefaultMaxAllocationMegabytes;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> with a sentence when a limit is not positive.</summary>
    public void Validate()
    {
        if (MaxBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBytes), MaxBytes, "Photo limit MaxBytes must be a positive number of bytes.");
        }

        if (MaxPixels <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPixels), MaxPixels, "Photo limit MaxPixels must be a positive number of pixels.");
        }

        if (MaxAllocationMegabytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAllocationMegabytes), MaxAllocationMegabytes, "Photo limit MaxAllocationMegabytes must be a positive number of megabytes.");
        }
    }
}
