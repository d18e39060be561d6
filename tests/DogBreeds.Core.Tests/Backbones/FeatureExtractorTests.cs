using DogBreeds.Core.Backbones;
using DogBreeds.Core.Features;
using DogBreeds.Core.Images;
using DogBreeds.Core.Tests.Images;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace DogBreeds.Core.Tests.Backbones;

/// <summary>The extraction pipeline over a tiny Identity + average-pool backbone (features = mean RGB).</summary>
public sealed class FeatureExtractorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private FeatureExtractor CreateSut(int batchSize = 4) =>
        FeatureExtractor.Create([TestBackbones.Identity(_folder, "mean", 4, pooling: FeaturePooling.Avg)], ExecutionProvider.Cpu, new PhotoLimits(), logger: null, batchSize);

    private static byte[] Photo(int i) => TestImages.Solid(6, 6, new Rgb24((byte)i, (byte)(255 - i), 7), new PngEncoder());

    private static async Task<List<ExtractedPhoto>> RunAsync(FeatureExtractor sut, IEnumerable<PhotoInput> inputs, IFeatureCache? cache)
    {
        var results = new List<ExtractedPhoto>();
        await foreach (var result in sut.ExtractAllAsync(inputs, cache, TestContext.Current.CancellationToken))
        {
            results.Add(result);
        }

        return results;
    }

    [Fact]
    public async Task ExtractAllAsync_ManyPhotosSmallBatches_KeepsInputOrder()
    {
        using var sut = CreateSut(batchSize: 4);
        var inputs = Enumerable.Range(0, 37).Select(i => PhotoInput.FromBytes($"p{i}.png", Photo(i))).ToList();

        var results = await RunAsync(sut, inputs, cache: null);

        Assert.Equal(inputs.Select(p => p.Name), results.Select(r => r.Name));
        for (var i = 0; i < results.Count; i++)
        {
            Assert.Equal([i, 255 - i, 7f], results[i].Features!);
        }

        Assert.Equal(37, sut.CnnPhotos);
    }

    [Fact]
    public async Task ExtractAllAsync_BadPhotos_ReportedWithSentenceAndRunGoesOn()
    {
        using var sut = CreateSut();
        var inputs = new[]
        {
            PhotoInput.FromBytes("good1.png", Photo(1)),
            PhotoInput.FromBytes("empty.jpg", []),
            PhotoInput.FromBytes("garbage.jpg", [1, 2, 3, 4, 5, 6, 7, 8]),
            PhotoInput.FromFile(_folder.File("missing.jpg")),
            PhotoInput.FromBytes("good2.png", Photo(2)),
        };

        var results = await RunAsync(sut, inputs, cache: null);

        Assert.Equal(5, results.Count);
        Assert.NotNull(results[0].Features);
        Assert.NotNull(results[4].Features);
        Assert.All(results.Skip(1).Take(3), r =>
        {
            Assert.Null(r.Features);
            Assert.NotNull(r.Error);
            Assert.Contains(Path.GetFileName(r.Name), r.Error, StringComparison.Ordinal);
        });
        Assert.Equal(2, sut.CnnPhotos);
    }

    [Fact]
    public async Task ExtractAllAsync_SameBytesUnderTwoNames_RunsCnnOnce()
    {
        using var sut = CreateSut();
        var bytes = Photo(9);

        var results = await RunAsync(sut, [PhotoInput.FromBytes("a.png", bytes), PhotoInput.FromBytes("copy-of-a.png", bytes)], cache: null);

        Assert.Equal(1, sut.CnnPhotos);
        Assert.Equal(results[0].Features, results[1].Features);
        Assert.Equal("copy-of-a.png", results[1].Name);
        Assert.True(results[1].FromCache);
    }

    [Fact]
    public async Task ExtractAllAsync_WithFolderCache_SecondRunNeverTouchesCnn()
    {
        using var sut = CreateSut();
        var cache = new FolderFeatureCache(_folder.File("cache"));
        var bytes = Enumerable.Range(0, 6).Select(Photo).ToList();

        var first = await RunAsync(sut, bytes.Select((b, i) => PhotoInput.FromBytes($"first-{i}.png", b)), cache);
        var afterFirst = sut.CnnPhotos;
        var second = await RunAsync(sut, bytes.Select((b, i) => PhotoInput.FromBytes($"renamed-{i}.png", b)), cache);

        Assert.Equal(6, afterFirst);
        Assert.Equal(6, sut.CnnPhotos);
        Assert.All(first, r => Assert.False(r.FromCache));
        Assert.All(second, r => Assert.True(r.FromCache));
        Assert.Equal(first.Select(r => r.Features), second.Select(r => r.Features));
        Assert.True(cache.TryGet(sut.Key, PhotoHash.Sha256Hex(bytes[3]), out var cached));
        Assert.Equal(first[3].Features, cached);
    }

    [Fact]
    public async Task ExtractAllAsync_ConsumerStopsEarly_EndsCleanly()
    {
        using var sut = CreateSut(batchSize: 2);
        var inputs = Enumerable.Range(0, 40).Select(i => PhotoInput.FromBytes($"p{i}.png", Photo(i)));
        var seen = 0;

        await foreach (var result in sut.ExtractAllAsync(inputs, cache: null, TestContext.Current.CancellationToken))
        {
            if (++seen == 3)
            {
                break;
            }
        }

        Assert.Equal(3, seen);
        Assert.True(sut.CnnPhotos < 40, $"{sut.CnnPhotos} photos went through the CNN after the consumer stopped at 3");
    }

    [Fact]
    public async Task ExtractAllAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var sut = CreateSut(batchSize: 2);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var inputs = Enumerable.Range(0, 40).Select(i => PhotoInput.FromBytes($"p{i}.png", Photo(i)));
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var result in sut.ExtractAllAsync(inputs, cache: null, cancel.Token))
            {
                if (++seen == 2)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.True(seen < 40);
    }

    [Fact]
    public void Extract_ManyThreadsAtOnce_SameAnswers()
    {
        using var sut = CreateSut();
        var photos = Enumerable.Range(0, 24).Select(Photo).ToArray();
        var results = new float[photos.Length][];

        Parallel.For(0, photos.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = sut.Extract(photos[i], $"p{i}.png"));

        for (var i = 0; i < photos.Length; i++)
        {
            Assert.Equal([i, 255 - i, 7f], results[i]);
        }

        Assert.Equal(24, sut.CnnPhotos);
    }

    [Fact]
    public void Extract_BadPhoto_ThrowsInvalidPhoto()
    {
        using var sut = CreateSut();

        var error = Assert.Throws<InvalidPhotoException>(() => sut.Extract([0xFF, 0xD8, 0xFF], "broken.jpg"));

        Assert.Contains("'broken.jpg'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, sut.CnnPhotos);
    }

    [Fact]
    public void Create_WrongInputName_FailsWithSentence()
    {
        var backbone = TestBackbones.Identity(_folder, "named", 4) with { InputName = "pixels" };

        var error = Assert.Throws<InvalidDataException>(() => FeatureExtractor.Create([backbone], ExecutionProvider.Cpu, new PhotoLimits()));

        Assert.Contains("no input named 'pixels'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Cuda_RunsOnCudaOrFailsWithSentence()
    {
        var backbone = TestBackbones.Identity(_folder, "cuda", 4);
        try
        {
            using var sut = FeatureExtractor.Create([backbone], ExecutionProvider.Cuda, new PhotoLimits());
            Assert.Equal(ExecutionProvider.Cuda, sut.Provider); // a machine with a working CUDA
        }
        catch (InvalidOperationException e)
        {
            Assert.Contains("CUDA execution provider was requested", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Create_Auto_FallsBackToCpuWhenCudaIsMissing()
    {
        var backbone = TestBackbones.Identity(_folder, "auto", 4, pooling: FeaturePooling.Avg);

        using var sut = FeatureExtractor.Create([backbone], ExecutionProvider.Auto, new PhotoLimits());

        Assert.Contains(sut.Provider, new[] { ExecutionProvider.Cpu, ExecutionProvider.Cuda });
        Assert.Equal([1f, 254f, 7f], sut.Extract(Photo(1), "p.png"));
    }
}
