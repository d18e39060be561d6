using DogBreeds.Core.Backbones;
using DogBreeds.Core.Features;
using DogBreeds.Tests;

namespace DogBreeds.Core.Tests.Backbones;

public sealed class FeatureExtractorRealPhotoTests(ResNet18Fixture fixture) : IClassFixture<ResNet18Fixture>
{
    [Fact]
    public void Extract_ValPhoto_Is512FiniteNonNegativeAndRepeatable()
    {
        var photo = DogPhotos.ValPhotos(1)[0];
        var bytes = File.ReadAllBytes(photo);
        var sut = fixture.Extractor;

        var first = sut.Extract(bytes, photo);
        var second = sut.Extract(bytes, photo);

        Assert.Equal(512, sut.Dimension);
        Assert.Equal(512, first.Length);
        Assert.All(first, v => Assert.True(float.IsFinite(v) && v >= 0, $"feature {v} is not a finite non-negative pooled ReLU output"));
        Assert.True(first.Count(v => v > 0) > 100, "most pooled ResNet18 features of a real photo are positive");
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ExtractAllAsync_Batched_EqualsOneByOne()
    {
        var photos = DogPhotos.ValPhotos(20);
        var sut = fixture.Extractor;
        var expected = photos.Select(p => sut.Extract(File.ReadAllBytes(p), p)).ToList();

        var results = new List<ExtractedPhoto>();
        await foreach (var result in sut.ExtractAllAsync(photos.Select(p => PhotoInput.FromFile(p)), cache: null, TestContext.Current.CancellationToken))
        {
            results.Add(result);
        }

        Assert.Equal(photos, results.Select(r => r.Name));
        for (var i = 0; i < photos.Count; i++)
        {
            Assert.Null(results[i].Error);
            Assert.Equal(PhotoHash.Sha256Hex(File.ReadAllBytes(photos[i])), results[i].Sha256);
            var features = results[i].Features!;
            var maxDifference = features.Zip(expected[i], (a, b) => Math.Abs(a - b)).Max();
            Assert.True(maxDifference < 1e-4, $"photo {i}: batched and one-by-one features differ by {maxDifference}");
        }
    }
}
