using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using DogBreeds.Functions.Extraction;
using DogBreeds.Functions.Storage;
using DogBreeds.Functions.Tests.Infrastructure;
using DogBreeds.Tests;

namespace DogBreeds.Functions.Tests.Extraction;

[Collection(PipelineGroup.Name)]
public sealed class ExtractFeaturesTests(PipelineFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private BlobContainerClient Features => fixture.Azurite.Client().GetBlobContainerClient(StorageLayout.FeaturesContainer);

    [Fact]
    public async Task Run_TrainInbox_OneFeatureBlobPerDistinctPhoto()
    {
        fixture.EnsureReady();
        int distinct = Directory.GetFiles(DogPhotos.TrainDir, "*.jpg")
            .Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))))
            .Distinct(StringComparer.Ordinal)
            .Count();

        int sut = await CountFeatureBlobsAsync();

        Assert.Equal(2001, fixture.TrainBlobs); // 2,000 photos + labels.csv (skipped quietly)
        Assert.True(sut >= distinct, $"{sut} feature blobs for {distinct} distinct photos");
        Assert.InRange(fixture.TrainCnnPhotos, distinct, 2000);
        TestContext.Current.SendDiagnosticMessage(
            $"Extraction: {fixture.TrainCnnPhotos} CNN passes for {distinct} distinct photos in {fixture.ExtractSeconds:F1} s " +
            $"({fixture.TrainCnnPhotos / fixture.ExtractSeconds:F1} photos/s, {fixture.HostParallelism} at once)");
    }

    [Fact]
    public async Task Run_SamePhotosUploadedAgain_NoCnnWork()
    {
        fixture.EnsureReady();
        int blobsBefore = await CountFeatureBlobsAsync();
        long before = fixture.Extractor.CnnPhotos;

        await fixture.UploadAsync(Directory.GetFiles(DogPhotos.TrainDir, "*.jpg").Select(p => ("train/" + Path.GetFileName(p), p)), _ct);
        await fixture.ExtractAllAsync("train/", _ct);

        Assert.Equal(before, fixture.Extractor.CnnPhotos);
        Assert.Equal(blobsBefore, await CountFeatureBlobsAsync());
    }

    [Fact]
    public async Task Run_SameBytesUnderAnotherPath_NoCnnWorkAndFirstPathKept()
    {
        fixture.EnsureReady();
        string original = Directory.GetFiles(DogPhotos.TrainDir, "*.jpg").Order(StringComparer.Ordinal).First();
        const string copy = "train/beagle/copy-of-first-photo.jpg";
        await fixture.Images.GetBlobClient(copy).UploadAsync(original, overwrite: true, _ct);
        long before = fixture.Extractor.CnnPhotos;
        var sut = fixture.App.Function<ExtractFeaturesPolling>();

        await sut.Run(fixture.Images.GetBlobClient(copy), copy, _ct);

        Assert.Equal(before, fixture.Extractor.CnnPhotos);
        string sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(original, _ct)));
        var stored = await fixture.App.Get<FeatureStore>().FindAsync(fixture.Extractor.Key, sha, _ct);
        Assert.Equal("train/" + Path.GetFileName(original), stored?.Path);
        await fixture.Images.DeleteBlobAsync(copy, cancellationToken: _ct);
    }

    [Theory]
    [InlineData("train/beagle/truncated.jpg", true)]
    [InlineData("train/beagle/not-an-image.jpg", false)]
    public async Task Run_UnreadablePhoto_RejectedAfterExactlyOneAttempt(string path, bool truncated)
    {
        fixture.EnsureReady();
        byte[] bytes = truncated
            ? (await File.ReadAllBytesAsync(Directory.GetFiles(DogPhotos.TrainDir, "*.jpg").Order(StringComparer.Ordinal).Last(), _ct))[..4000]
            : "this is a text file with a .jpg name"u8.ToArray();
        await fixture.Images.GetBlobClient(path).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, _ct);
        long before = fixture.Extractor.CnnPhotos;
        var sut = fixture.App.Function<ExtractFeaturesPolling>();

        // One invocation that completes normally: the host counts it a success and does not retry.
        await sut.Run(fixture.Images.GetBlobClient(path), path, _ct);

        var rejection = await fixture.App.Get<FeatureStore>().FindRejectionAsync(path, _ct);
        Assert.NotNull(rejection);
        Assert.Equal(path, rejection.Path);
        Assert.Contains(path, rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(truncated ? "Truncated" : "NotAnImage", rejection.Problem);
        Assert.Equal(before, fixture.Extractor.CnnPhotos);
        string sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Null(await fixture.App.Get<FeatureStore>().FindAsync(fixture.Extractor.Key, sha, _ct));
    }

    [Fact]
    public async Task Run_LabelsCsv_SkippedQuietly()
    {
        fixture.EnsureReady();
        var sut = fixture.App.Function<ExtractFeaturesPolling>();

        await sut.Run(fixture.Images.GetBlobClient(StorageLayout.LabelsBlob), StorageLayout.LabelsBlob, _ct);

        Assert.Null(await fixture.App.Get<FeatureStore>().FindRejectionAsync(StorageLayout.LabelsBlob, _ct));
    }

    [Fact]
    public async Task Run_StorageFailure_ThrowsSoTheRuntimeRetries()
    {
        fixture.EnsureReady();
        const string path = "train/beagle/vanished.jpg";
        var sut = fixture.App.Function<ExtractFeaturesPolling>();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => sut.Run(fixture.Images.GetBlobClient(path), path, _ct));

        Assert.Equal(404, ex.Status);
        Assert.Null(await fixture.App.Get<FeatureStore>().FindRejectionAsync(path, _ct));
    }

    [Fact]
    public async Task Run_EventGridSourcedFunction_SameWorkAsPolling()
    {
        fixture.EnsureReady();
        string photo = DogPhotos.ValPhotos(1)[0];
        const string path = "train/golden_retriever/from-event-grid.jpg";
        await fixture.Images.GetBlobClient(path).UploadAsync(photo, overwrite: true, _ct);
        string sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(photo, _ct)));
        var store = fixture.App.Get<FeatureStore>();
        bool existedBefore = await store.FindAsync(fixture.Extractor.Key, sha, _ct) is not null;
        var sut = fixture.App.Function<ExtractFeatures>();

        await sut.Run(fixture.Images.GetBlobClient(path), path, _ct);

        Assert.NotNull(await store.TryReadAsync(fixture.Extractor.Key, sha, _ct));
        if (!existedBefore)
        {
            Assert.Equal(path, (await store.FindAsync(fixture.Extractor.Key, sha, _ct))?.Path);
        }

        await fixture.Images.DeleteBlobAsync(path, cancellationToken: _ct);
    }

    private async Task<int> CountFeatureBlobsAsync()
    {
        int count = 0;
        await foreach (var _ in Features.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, StorageLayout.FeaturePrefix(fixture.Extractor.Key), _ct))
        {
            count++;
        }

        return count;
    }
}
