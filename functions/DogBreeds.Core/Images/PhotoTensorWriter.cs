using System.Buffers;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace DogBreeds.Core.Images;

/// <summary>
/// Crops and resizes an RGB photo to a backbone's square input and writes it as floats straight into
/// a caller's span, in the backbone's layout and preprocessing. Immutable and thread-safe.
/// </summary>
public sealed class PhotoTensorWriter
{
    /// <summary>Default fraction of the short side kept by <see cref="CropMode.Center"/>: 0.875 (224 of 256, the usual ImageNet evaluation crop).</summary>
    public const double DefaultCropFraction = 0.875;

    private static readonly float[] s_caffeMeanBgr = [103.939f, 116.779f, 123.68f];
    private static readonly float[] s_torchMeanRgb = [0.485f, 0.456f, 0.406f];
    private static readonly float[] s_torchStdRgb = [0.229f, 0.224f, 0.225f];

    // s_lookup[c][v]: the float for 8-bit value v in output channel c (channel order applied).
    private readonly float[][] _lookup;
    private readonly int[] _sourceChannel;

    /// <summary>Creates a writer for a <paramref name="size"/> x <paramref name="size"/> input.</summary>
    public PhotoTensorWriter(int size, TensorLayout layout, PixelPreprocessing preprocessing, CropMode crop = CropMode.Center, double cropFraction = DefaultCropFraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (!(cropFraction > 0 && cropFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(cropFraction), cropFraction, "The crop fraction must be in (0, 1].");
        }

        Size = size;
        Layout = layout;
        Preprocessing = preprocessing;
        Crop = crop;
        CropFraction = cropFraction;
        _sourceChannel = preprocessing == PixelPreprocessing.Caffe ? [2, 1, 0] : [0, 1, 2];
        _lookup = new float[3][];
        for (var c = 0; c < 3; c++)
        {
            var table = new float[256];
            for (var v = 0; v < 256; v++)
            {
                table[v] = preprocessing switch
                {
                    PixelPreprocessing.None => v,
                    PixelPreprocessing.Caffe => v - s_caffeMeanBgr[c],
                    PixelPreprocessing.Tf => (v / 127.5f) - 1f,
                    PixelPreprocessing.Torch => ((v / 255f) - s_torchMeanRgb[c]) / s_torchStdRgb[c],
                    _ => throw new ArgumentOutOfRangeException(nameof(preprocessing), preprocessing, "Unknown pixel preprocessing."),
                };
            }

            _lookup[c] = table;
        }
    }

    /// <summary>Side of the square input, in pixels.</summary>
    public int Size { get; }

    /// <summary>Layout written.</summary>
    public TensorLayout Layout { get; }

    /// <summary>Pixel preprocessing applied.</summary>
    public PixelPreprocessing Preprocessing { get; }

    /// <summary>Crop policy.</summary>
    public CropMode Crop { get; }

    /// <summary>Fraction of the short side kept by <see cref="CropMode.Center"/>.</summary>
    public double CropFraction { get; }

    /// <summary>Number of floats one photo takes: 3 x size x size.</summary>
    public int Length => 3 * Size * Size;

    /// <summary>Crops, resizes and writes <paramref name="photo"/> into the first <see cref="Length"/> floats of <paramref name="destination"/>.</summary>
    /// <param name="photo">Upright RGB photo (left unchanged).</param>
    /// <param name="destination">At least <see cref="Length"/> floats.</param>
    /// <param name="mirrored">Write the photo flipped left to right (test-time augmentation).</param>
    public void Write(Image<Rgb24> photo, Span<float> destination, bool mirrored = false)
    {
        ArgumentNullException.ThrowIfNull(photo);
        if (destination.Length < Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} floats; a {Size} x {Size} photo needs {Length}.", nameof(destination));
        }

        var region = CropRegion(photo.Width, photo.Height);
        if (region.Width == Size && region.Height == Size && region.X == 0 && region.Y == 0 && photo.Width == Size && photo.Height == Size)
        {
            Fill(photo, destination, mirrored);
            return;
        }

        using var square = photo.Clone(x => x.Crop(region).Resize(Size, Size, KnownResamplers.Triangle));
        Fill(square, destination, mirrored);
    }

    /// <summary>Writes both the photo and its mirror image: 2 x <see cref="Length"/> floats.</summary>
    public void WriteWithMirror(Image<Rgb24> photo, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(photo);
        if (destination.Length < 2 * Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} floats; a photo and its mirror need {2 * Length}.", nameof(destination));
        }

        var region = CropRegion(photo.Width, photo.Height);
        using var square = photo.Clone(x => x.Crop(region).Resize(Size, Size, KnownResamplers.Triangle));
        Fill(square, destination[..Length], mirrored: false);
        Fill(square, destination.Slice(Length, Length), mirrored: true);
    }

    private Rectangle CropRegion(int width, int height)
    {
        if (Crop == CropMode.Stretch)
        {
            return new Rectangle(0, 0, width, height);
        }

        var side = (int)Math.Round(Math.Min(width, height) * CropFraction);
        side = Math.Clamp(side, 1, Math.Min(width, height));
        return new Rectangle((width - side) / 2, (height - side) / 2, side, side);
    }

    private void Fill(Image<Rgb24> square, Span<float> destination, bool mirrored)
    {
        if (square.DangerousTryGetSinglePixelMemory(out var memory))
        {
            Fill(memory.Span, destination, mirrored);
            return;
        }

        var pixels = ArrayPool<Rgb24>.Shared.Rent(Size * Size);
        try
        {
            square.CopyPixelDataTo(pixels.AsSpan(0, Size * Size));
            Fill(pixels.AsSpan(0, Size * Size), destination, mirrored);
        }
        finally
        {
            ArrayPool<Rgb24>.Shared.Return(pixels);
        }
    }

    private void Fill(ReadOnlySpan<Rgb24> pixels, Span<float> destination, bool mirrored)
    {
        var size = Size;
        var plane = size * size;
        var l0 = _lookup[0];
        var l1 = _lookup[1];
        var l2 = _lookup[2];
        var s0 = _sourceChannel[0];
        var s1 = _sourceChannel[1];
        var s2 = _sourceChannel[2];
        for (var y = 0; y < size; y++)
        {
            var row = pixels.Slice(y * size, size);
            if (Layout == TensorLayout.Nchw)
            {
                var c0 = destination.Slice(y * size, size);
                var c1 = destination.Slice(plane + (y * size), size);
                var c2 = destination.Slice((2 * plane) + (y * size), size);
                for (var x = 0; x < size; x++)
                {
                    var p = row[mirrored ? size - 1 - x : x];
                    c0[x] = l0[Channel(p, s0)];
                    c1[x] = l1[Channel(p, s1)];
                    c2[x] = l2[Channel(p, s2)];
                }
            }
            else
            {
                var line = destination.Slice(y * size * 3, size * 3);
                for (var x = 0; x < size; x++)
                {
                    var p = row[mirrored ? size - 1 - x : x];
                    line[(3 * x) + 0] = l0[Channel(p, s0)];
                    line[(3 * x) + 1] = l1[Channel(p, s1)];
                    line[(3 * x) + 2] = l2[Channel(p, s2)];
                }
            }
        }
    }

    private static byte Channel(Rgb24 pixel, int index) => index switch
    {
        0 => pixel.R,
        1 => pixel.G,
        _ => pixel.B,
    };
}
