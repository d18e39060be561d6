using DogBreeds.Core.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace DogBreeds.Core.Tests.Images;

public sealed class PhotoDecoderTests
{
    private const string CmykJpegBase64 =
        "/9j/7gAOQWRvYmUAZAAAAAAA/9sAQwACAQEBAQECAQEBAgICAgIEAwICAgIFBAQDBAYFBgYGBQYGBgcJCAYHCQcGBggLCAkKCgoKCgYICwwLCgwJCgoK/8AAFAgAEAAQBEMRAE0RAFkRAEsRAP/EAB8AAAEFAQEBAQEBAAAAAAAAAAABAgMEBQYHCAkKC//EALUQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+v/aAA4EQwBNAFkASwAAPwD9IK5+vyfr9/KKKKKKKKKKKKK//9k=";

    private static readonly Rgb24 s_colour = new(200, 120, 40);
    private readonly PhotoDecoder _sut = new(new PhotoLimits());

    public static TheoryData<string> Formats => ["jpeg", "png", "gif", "bmp", "tiff", "webp-lossless", "webp-lossy"];

    private static IImageEncoder Encoder(string format) => format switch
    {
        "jpeg" => new JpegEncoder { Quality = 95 },
        "png" => new PngEncoder(),
        "gif" => new GifEncoder(),
        "bmp" => new BmpEncoder(),
        "tiff" => new TiffEncoder(),
        "webp-lossless" => new WebpEncoder { FileFormat = WebpFileFormatType.Lossless },
        "webp-lossy" => new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = 95 },
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Decode_EachFormat_ReturnsRgbOfSameSizeAndColour(string format)
    {
        var bytes = TestImages.Solid(40, 30, s_colour, Encoder(format));

        using var image = _sut.Decode(bytes, "photo." + format);

        Assert.Equal((40, 30), (image.Width, image.Height));
        var pixel = image[20, 15];
        var tolerance = format is "png" or "bmp" or "tiff" or "webp-lossless" ? 0 : 12;
        Assert.InRange(pixel.R, s_colour.R - tolerance, s_colour.R + tolerance);
        Assert.InRange(pixel.G, s_colour.G - tolerance, s_colour.G + tolerance);
        Assert.InRange(pixel.B, s_colour.B - tolerance, s_colour.B + tolerance);
    }

    [Fact]
    public void Decode_GreyPng_BecomesRgbWithEqualChannels()
    {
        using var grey = new Image<L8>(16, 16, new L8(77));
        var bytes = TestImages.Encode(grey, new PngEncoder { ColorType = PngColorType.Grayscale });

        using var image = _sut.Decode(bytes, "grey.png");

        Assert.Equal(new Rgb24(77, 77, 77), image[3, 3]);
    }

    [Fact]
    public void Decode_SixteenBitPng_BecomesEightBitRgb()
    {
        using var deep = new Image<Rgb48>(16, 16, new Rgb48(65535, 32896, 0));
        var bytes = TestImages.Encode(deep, new PngEncoder { BitDepth = PngBitDepth.Bit16, ColorType = PngColorType.Rgb });

        using var image = _sut.Decode(bytes, "deep.png");

        Assert.Equal(new Rgb24(255, 128, 0), image[5, 5]);
    }

    [Fact]
    public void Decode_RgbaPng_DropsAlpha()
    {
        using var rgba = new Image<Rgba32>(16, 16, new Rgba32(10, 20, 30, 100));
        var bytes = TestImages.Encode(rgba, new PngEncoder { ColorType = PngColorType.RgbWithAlpha });

        using var image = _sut.Decode(bytes, "alpha.png");

        Assert.Equal(new Rgb24(10, 20, 30), image[1, 1]);
    }

    [Fact]
    public void Decode_CmykJpeg_BecomesRgb()
    {
        // ImageSharp 2.1.13's encoder writes three components even when asked for JpegColorType.Cmyk,
        // so this 16 x 16 Adobe CMYK JPEG of RGB (200, 120, 40) was made once with Pillow 9.4
        // (Image.new('RGB', (16, 16), (200, 120, 40)).convert('CMYK').save(..., 'JPEG', quality=95)).
        var bytes = Convert.FromBase64String(CmykJpegBase64);
        Assert.Equal(4, JpegComponentCount(bytes));

        using var image = _sut.Decode(bytes, "cmyk.jpg");

        var pixel = image[8, 8];
        Assert.InRange(pixel.R, s_colour.R - 6, s_colour.R + 6);
        Assert.InRange(pixel.G, s_colour.G - 6, s_colour.G + 6);
        Assert.InRange(pixel.B, s_colour.B - 6, s_colour.B + 6);
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    public void Decode_ExifOrientation6_RotatesUpright(string format)
    {
        // Stored 40 x 20, left half red, right half blue; orientation 6 means "rotate 90 degrees clockwise to view".
        using var stored = TestImages.Halves(40, 20, new Rgb24(255, 0, 0), new Rgb24(0, 0, 255));
        stored.Metadata.ExifProfile = new ExifProfile();
        stored.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        var bytes = TestImages.Encode(stored, Encoder(format));

        using var image = _sut.Decode(bytes, "rotated." + format);

        Assert.Equal((20, 40), (image.Width, image.Height));
        Assert.True(image[10, 5].R > 200 && image[10, 5].B < 60, $"top should be red, is {image[10, 5]}");
        Assert.True(image[10, 35].B > 200 && image[10, 35].R < 60, $"bottom should be blue, is {image[10, 35]}");
    }

    [Fact]
    public void Decode_AnimatedGif_KeepsFirstFrame()
    {
        using var animation = new Image<Rgba32>(8, 8, new Rgba32(255, 0, 0));
        using var second = new Image<Rgba32>(8, 8, new Rgba32(0, 0, 255));
        animation.Frames.AddFrame(second.Frames.RootFrame);
        var bytes = TestImages.Encode(animation, new GifEncoder());

        using var image = _sut.Decode(bytes, "animated.gif");

        Assert.Equal(1, image.Frames.Count);
        Assert.Equal(new Rgb24(255, 0, 0), image[4, 4]);
    }

    [Fact]
    public void Decode_Empty_ThrowsEmpty()
    {
        var error = Assert.Throws<InvalidPhotoException>(() => _sut.Decode([], "empty.jpg"));

        Assert.Equal(PhotoProblem.Empty, error.Problem);
        Assert.Equal("empty.jpg", error.Photo);
        Assert.Contains("'empty.jpg'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_GarbageBytes_ThrowsNotAnImage()
    {
        var garbage = Enumerable.Range(0, 500).Select(i => (byte)(i * 7)).ToArray();

        var error = Assert.Throws<InvalidPhotoException>(() => _sut.Decode(garbage, "notes.jpg"));

        Assert.Equal(PhotoProblem.NotAnImage, error.Problem);
        Assert.Contains("'notes.jpg'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(0.5)]
    [InlineData(0.05)]
    public void Decode_TruncatedJpeg_ThrowsTruncated(double keep)
    {
        using var noisy = Noise(64, 64);
        var bytes = TestImages.Encode(noisy, new JpegEncoder { Quality = 90 });
        var truncated = bytes.AsSpan(0, (int)(bytes.Length * keep)).ToArray();

        var error = Assert.Throws<InvalidPhotoException>(() => _sut.Decode(truncated, "cut.jpg"));

        Assert.Equal(PhotoProblem.Truncated, error.Problem);
        Assert.Contains("'cut.jpg'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TruncatedProgressiveAndTrailingBytesJpeg_JudgedByEndMarker()
    {
        using var noisy = Noise(64, 64);
        var bytes = TestImages.Encode(noisy, new JpegEncoder { Quality = 90 });
        var withTrailer = bytes.Concat(new byte[] { 1, 2, 3, 4 }).ToArray();

        using var image = _sut.Decode(withTrailer, "trailer.jpg");

        Assert.Equal(64, image.Width);
    }

    [Fact]
    public void Decode_TruncatedPng_ThrowsTruncated()
    {
        using var noisy = Noise(64, 64);
        var bytes = TestImages.Encode(noisy, new PngEncoder());

        var error = Assert.Throws<InvalidPhotoException>(() => _sut.Decode(bytes.AsSpan(0, bytes.Length / 2), "cut.png"));

        Assert.Equal(PhotoProblem.Truncated, error.Problem);
    }

    [Fact]
    public void Decode_HeaderClaimingHugeSize_ThrowsTooLargeBeforeDecoding()
    {
        var bytes = TestImages.PngHeaderClaiming(100_000, 100_000);

        var error = Assert.Throws<InvalidPhotoException>(() => _sut.Decode(bytes, "huge.png"));

        Assert.Equal(PhotoProblem.TooLarge, error.Problem);
        Assert.Contains("100000 x 100000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OverByteLimit_ThrowsTooLarge()
    {
        var sut = new PhotoDecoder(new PhotoLimits { MaxBytes = 100 });
        var bytes = TestImages.Solid(64, 64, s_colour, new BmpEncoder());

        var error = Assert.Throws<InvalidPhotoException>(() => sut.Decode(bytes, "big.bmp"));

        Assert.Equal(PhotoProblem.TooLarge, error.Problem);
    }

    [Fact]
    public void Decode_OverAllocationLimit_ThrowsTooLarge()
    {
        var sut = new PhotoDecoder(new PhotoLimits { MaxAllocationMegabytes = 1 });
        using var large = new Image<Rgb24>(1500, 1500);
        var bytes = TestImages.Encode(large, new PngEncoder());

        var error = Assert.Throws<InvalidPhotoException>(() => sut.Decode(bytes, "wide.png"));

        Assert.Equal(PhotoProblem.TooLarge, error.Problem);
        Assert.Contains("'wide.png'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NonPositiveLimit_ThrowsWithSentence()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PhotoDecoder(new PhotoLimits { MaxPixels = 0 }));

        Assert.Contains("MaxPixels", error.Message, StringComparison.Ordinal);
    }

    private static Image<Rgb24> Noise(int width, int height)
    {
        var random = new Random(42);
        var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            }
        }

        return image;
    }

    /// <summary>Number of components in the JPEG's start-of-frame segment.</summary>
    private static int JpegComponentCount(byte[] jpeg)
    {
        for (var i = 2; i + 9 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                return jpeg[i + 9];
            }
        }

        return -1;
    }
}
