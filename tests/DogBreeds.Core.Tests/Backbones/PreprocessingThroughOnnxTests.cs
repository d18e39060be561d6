using DogBreeds.Core.Backbones;
using DogBreeds.Core.Images;
using DogBreeds.Core.Tests.Images;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace DogBreeds.Core.Tests.Backbones;

/// <summary>What a model actually receives, checked through an Identity model run by ONNX Runtime.</summary>
public sealed class PreprocessingThroughOnnxTests : IDisposable
{
    private const int Size = 4;
    private static readonly Rgb24 s_colour = new(10, 200, 30);
    private readonly TempFolder _folder = new();

    public static TheoryData<PixelPreprocessing, TensorLayout> Modes => new()
    {
        { PixelPreprocessing.None, TensorLayout.Nchw },
        { PixelPreprocessing.None, TensorLayout.Nhwc },
        { PixelPreprocessing.Caffe, TensorLayout.Nchw },
        { PixelPreprocessing.Caffe, TensorLayout.Nhwc },
        { PixelPreprocessing.Tf, TensorLayout.Nchw },
        { PixelPreprocessing.Tf, TensorLayout.Nhwc },
        { PixelPreprocessing.Torch, TensorLayout.Nchw },
        { PixelPreprocessing.Torch, TensorLayout.Nhwc },
    };

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(Modes))]
    public void Extract_SolidPhoto_ModelSeesPreprocessedChannels(PixelPreprocessing preprocessing, TensorLayout layout)
    {
        var backbone = TestBackbones.Identity(_folder, $"id-{preprocessing}-{layout}", Size, layout, preprocessing);
        using var sut = FeatureExtractor.Create([backbone], ExecutionProvider.Cpu, new PhotoLimits());
        var photo = TestImages.Solid(Size, Size, s_colour, new PngEncoder());

        var seen = sut.Extract(photo, "solid.png");

        float[] expected = preprocessing switch
        {
            PixelPreprocessing.None => [10, 200, 30],
            PixelPreprocessing.Caffe => [30 - 103.939f, 200 - 116.779f, 10 - 123.68f],
            PixelPreprocessing.Tf => [(10 / 127.5f) - 1, (200 / 127.5f) - 1, (30 / 127.5f) - 1],
            _ => [((10 / 255f) - 0.485f) / 0.229f, ((200 / 255f) - 0.456f) / 0.224f, ((30 / 255f) - 0.406f) / 0.225f],
        };
        Assert.Equal(3 * Size * Size, seen.Length);
        for (var i = 0; i < seen.Length; i++)
        {
            var channel = layout == TensorLayout.Nchw ? i / (Size * Size) : i % 3;
            Assert.Equal(expected[channel], seen[i], 1e-4f);
        }
    }

    [Theory]
    [InlineData(TensorLayout.Nchw)]
    [InlineData(TensorLayout.Nhwc)]
    public void Extract_LeftRedRightBlue_ModelSeesPixelsInPlace(TensorLayout layout)
    {
        var backbone = TestBackbones.Identity(_folder, $"halves-{layout}", Size, layout);
        using var sut = FeatureExtractor.Create([backbone], ExecutionProvider.Cpu, new PhotoLimits());
        using var image = TestImages.Halves(Size, Size, new Rgb24(255, 0, 0), new Rgb24(0, 0, 255));
        var photo = TestImages.Encode(image, new PngEncoder());

        var seen = sut.Extract(photo, "halves.png");

        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                float red = x < Size / 2 ? 255 : 0;
                float blue = 255 - red;
                var (r, b) = layout == TensorLayout.Nchw
                    ? (seen[(y * Size) + x], seen[(2 * Size * Size) + (y * Size) + x])
                    : (seen[(((y * Size) + x) * 3) + 0], seen[(((y * Size) + x) * 3) + 2]);
                Assert.Equal(red, r);
                Assert.Equal(blue, b);
            }
        }
    }

    [Theory]
    [InlineData(TensorLayout.Nchw)]
    [InlineData(TensorLayout.Nhwc)]
    public void Extract_AvgPooling_GivesChannelMeans(TensorLayout layout)
    {
        var backbone = TestBackbones.Identity(_folder, $"pool-{layout}", Size, layout, pooling: FeaturePooling.Avg);
        using var sut = FeatureExtractor.Create([backbone], ExecutionProvider.Cpu, new PhotoLimits());
        using var image = TestImages.Halves(Size, Size, new Rgb24(200, 0, 100), new Rgb24(0, 100, 50));
        var photo = TestImages.Encode(image, new PngEncoder());

        var seen = sut.Extract(photo, "halves.png");

        Assert.Equal(3, sut.Dimension);
        Assert.Equal([100f, 50f, 75f], seen);
    }

    [Fact]
    public void Extract_TestTimeFlip_AveragesPhotoAndMirror()
    {
        var backbone = TestBackbones.Identity(_folder, "flip", Size, flip: true);
        using var sut = FeatureExtractor.Create([backbone], ExecutionProvider.Cpu, new PhotoLimits());
        using var image = TestImages.Halves(Size, Size, new Rgb24(255, 0, 0), new Rgb24(0, 0, 255));
        var photo = TestImages.Encode(image, new PngEncoder());

        var seen = sut.Extract(photo, "halves.png");

        Assert.Equal("flip+flip", sut.Key);
        Assert.All(seen.Take(Size * Size), v => Assert.Equal(127.5f, v)); // red plane: (255 + 0) / 2 everywhere
        Assert.All(seen.Skip(Size * Size).Take(Size * Size), v => Assert.Equal(0f, v)); // green plane
    }

    [Fact]
    public void Create_TwoBackbones_ConcatenatesInOrder()
    {
        var first = TestBackbones.Identity(_folder, "first", Size, pooling: FeaturePooling.Avg);
        var second = TestBackbones.Identity(_folder, "second", 2, TensorLayout.Nhwc, PixelPreprocessing.Tf);
        using var sut = FeatureExtractor.Create([first, second], ExecutionProvider.Cpu, new PhotoLimits());
        var photo = TestImages.Solid(Size, Size, s_colour, new PngEncoder());

        var seen = sut.Extract(photo, "solid.png");

        Assert.Equal("first+second", sut.Key);
        Assert.Equal(3 + (3 * 2 * 2), sut.Dimension);
        Assert.Equal([10f, 200f, 30f], seen[..3]);
        Assert.Equal((200 / 127.5f) - 1, seen[4], 1e-5f);
    }
}
