using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Pbm;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tga;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace DogBreeds.Core.Images;

/// <summary>
/// Turns the bytes of a photo into an upright 8-bit RGB image, or throws
/// <see cref="InvalidPhotoException"/> with a sentence saying why it cannot. Thread-safe.
/// </summary>
/// <remarks>
/// Reads what ImageSharp 2.1 reads: JPEG (including CMYK/YCCK), PNG (including 16-bit and alpha),
/// GIF (first frame only), BMP, TIFF (first frame), WebP, PBM and TGA. Grey, CMYK, 16-bit and alpha
/// images all come out as <see cref="Rgb24"/> (alpha is dropped, not blended). EXIF orientation is
/// applied. Limits: the encoded size is checked first, the pixel count is read from the header with
/// <c>Image.Identify</c> before any pixel is decoded, and the decoder runs on its own
/// <see cref="Configuration"/> whose memory allocator refuses any single buffer over
/// <see cref="PhotoLimits.MaxAllocationMegabytes"/>.
/// </remarks>
public sealed class PhotoDecoder
{
    private readonly long _maxBytes;
    private readonly long _maxPixels;
    private readonly int _maxAllocationMegabytes;
    private readonly Configuration _configuration;

    /// <summary>Creates a decoder that enforces <paramref name="limits"/> (validated here).</summary>
    public PhotoDecoder(PhotoLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        _maxBytes = limits.MaxBytes;
        _maxPixels = limits.MaxPixels;
        _maxAllocationMegabytes = limits.MaxAllocationMegabytes;
        _configuration = CreateConfiguration(_maxAllocationMegabytes);
    }

    /// <summary>Decodes <paramref name="bytes"/> into an upright RGB image the caller disposes.</summary>
    /// <exception cref="InvalidPhotoException">The photo is empty, truncated, not an image, unsupported or too large.</exception>
    public Image<Rgb24> Decode(ReadOnlySpan<byte> bytes, string photoName)
    {
        ArgumentNullException.ThrowIfNull(photoName);
        if (bytes.IsEmpty)
        {
            throw new InvalidPhotoException(photoName, PhotoProblem.Empty, $"Photo '{photoName}' is empty (0 bytes).");
        }

        if (bytes.Length > _maxBytes)
        {
            throw new InvalidPhotoException(photoName, PhotoProblem.TooLarge, $"Photo '{photoName}' is {bytes.Length:N0} bytes, over the {_maxBytes:N0}-byte limit.");
        }

        var (info, format) = Identify(bytes, photoName);
        var pixels = (long)info.Width * info.Height;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new InvalidPhotoException(photoName, PhotoProblem.NotAnImage, $"Photo '{photoName}' declares an empty size of {info.Width} x {info.Height} pixels.");
        }

        if (pixels > _maxPixels)
        {
            throw new InvalidPhotoException(photoName, PhotoProblem.TooLarge, $"Photo '{photoName}' is {info.Width} x {info.Height} pixels ({pixels:N0}), over the {_maxPixels:N0}-pixel limit.");
        }

        if (format is JpegFormat && JpegStructure.IsTruncated(bytes))
        {
            throw new InvalidPhotoException(photoName, PhotoProblem.Truncated, $"Photo '{photoName}' is truncated: its JPEG data ends before the end-of-image marker.");
        }

        Image<Rgb24> image;
        try
        {
            image = Image.Load<Rgb24>(_configuration, bytes);
        }
        catch (Exception e) when (IsDecoderFailure(e))
        {
            throw Translate(e, photoName, format);
        }

        try
        {
            if (image.Frames.Count > 1)
            {
                // Multi-frame formats whose decoder has no first-frame mode: keep the first frame.
                while (image.Frames.Count > 1)
                {
                    image.Frames.RemoveFrame(image.Frames.Count - 1);
                }
            }

            image.Mutate(x => x.AutoOrient());
            return image;
        }
        catch (Exception e) when (IsDecoderFailure(e))
        {
            image.Dispose();
            throw Translate(e, photoName, format);
        }
    }

    private (IImageInfo Info, IImageFormat Format) Identify(ReadOnlySpan<byte> bytes, string photoName)
    {
        IImageInfo? info;
        IImageFormat? format;
        try
        {
            // ImageSharp 2.1 identifies from a byte[] or a stream, not a span: one copy of the encoded bytes.
            info = Image.Identify(_configuration, bytes.ToArray(), out format);
        }
        catch (Exception e) when (IsDecoderFailure(e))
        {
            throw Translate(e, photoName, null);
        }

        if (info is null || format is null)
        {
            throw new InvalidPhotoException(photoName, PhotoProblem.NotAnImage, $"Photo '{photoName}' is not an image in a format this service reads (JPEG, PNG, GIF, BMP, TIFF or WebP).");
        }

        return (info, format);
    }

    private static bool IsDecoderFailure(Exception e) =>
        e is ImageFormatException or NotSupportedException or InvalidMemoryOperationException
            or ArgumentException or IndexOutOfRangeException or InvalidOperationException or EndOfStreamException;

    private InvalidPhotoException Translate(Exception e, string photoName, IImageFormat? format)
    {
        var formatName = format?.Name ?? "image";
        return e switch
        {
            UnknownImageFormatException => new InvalidPhotoException(photoName, PhotoProblem.NotAnImage, $"Photo '{photoName}' is not an image in a format this service reads (JPEG, PNG, GIF, BMP, TIFF or WebP).", e),
            InvalidMemoryOperationException or { InnerException: InvalidMemoryOperationException } => new InvalidPhotoException(photoName, PhotoProblem.TooLarge, $"Photo '{photoName}' needs a buffer larger than the {_maxAllocationMegabytes} MB decoding limit.", e),
            NotSupportedException => new InvalidPhotoException(photoName, PhotoProblem.UnsupportedFormat, $"Photo '{photoName}' is a {formatName} file in a variant the decoder does not support ({Clause(e.Message)}).", e),
            _ => new InvalidPhotoException(photoName, PhotoProblem.Truncated, $"Photo '{photoName}' is a damaged or truncated {formatName} file ({Clause(e.Message)}).", e),
        };
    }

    /// <summary>Makes a decoder message fit inside a sentence: one line, no final full stop, bounded length.</summary>
    private static string Clause(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim().TrimEnd('.', '!');
        return line.Length <= 160 ? line : line[..160] + "...";
    }

    private static Configuration CreateConfiguration(int maxAllocationMegabytes)
    {
        // A fresh Configuration (not Configuration.Default.Clone(), which shares the global format
        // registry) so that the first-frame decoders below do not change ImageSharp's defaults.
        var configuration = new Configuration(
            new JpegConfigurationModule(),
            new PngConfigurationModule(),
            new GifConfigurationModule(),
            new BmpConfigurationModule(),
            new TiffConfigurationModule(),
            new WebpConfigurationModule(),
            new PbmConfigurationModule(),
            new TgaConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = maxAllocationMegabytes }),

            // One photo, one thread: callers decode photos in parallel (or beside the CNN), and
            // ImageSharp's own row parallelism would only fight them for the cores.
            MaxDegreeOfParallelism = 1,
        };
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        configuration.ImageFormatsManager.SetDecoder(TiffFormat.Instance, new TiffDecoder { DecodingMode = FrameDecodingMode.First });
        return configuration;
    }
}
