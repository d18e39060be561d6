using DogBreeds.Core.Features;
using DogBreeds.Core.Tests.Backbones;
using Microsoft.Extensions.Logging;

namespace DogBreeds.Core.Tests.Features;

public sealed class FolderFeatureCacheTests : IDisposable
{
    private static readonly string s_sha = PhotoHash.Sha256Hex("photo"u8);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TryGet_Missing_False()
    {
        var sut = new FolderFeatureCache(_folder.Path);

        Assert.False(sut.TryGet("resnet18", s_sha, out var features));
        Assert.Null(features);
    }

    [Fact]
    public void Put_ThenTryGet_ReturnsSameVectorAndLeavesNoTemporaryFile()
    {
        var sut = new FolderFeatureCache(_folder.Path);

        sut.Put("resnet18", s_sha, [1f, 2f, 3f]);

        Assert.True(sut.TryGet("resnet18", s_sha, out var features));
        Assert.Equal([1f, 2f, 3f], features);
        Assert.False(sut.TryGet("resnet18+flip", s_sha, out _));
        var files = Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories);
        Assert.Equal([sut.PathFor("resnet18", s_sha)], files);
    }

    [Fact]
    public void TryGet_CorruptFile_MissWithWarningThenRewritten()
    {
        var logger = new ListLogger();
        var sut = new FolderFeatureCache(_folder.Path, logger);
        sut.Put("resnet18", s_sha, [1f, 2f]);
        File.WriteAllBytes(sut.PathFor("resnet18", s_sha), [0x44, 0x42, 0x46]);

        var hit = sut.TryGet("resnet18", s_sha, out _);
        sut.Put("resnet18", s_sha, [5f, 6f]);

        Assert.False(hit);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("damaged", StringComparison.Ordinal));
        Assert.True(sut.TryGet("resnet18", s_sha, out var features));
        Assert.Equal([5f, 6f], features);
    }

    [Fact]
    public void TryGet_UnreadableEntry_MissWithWarning()
    {
        var logger = new ListLogger();
        var sut = new FolderFeatureCache(_folder.Path, logger);
        Directory.CreateDirectory(sut.PathFor("resnet18", s_sha)); // a folder where the file should be

        var hit = sut.TryGet("resnet18", s_sha, out var features);

        Assert.False(hit);
        Assert.Null(features);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public void Put_NotASha_Throws()
    {
        var sut = new FolderFeatureCache(_folder.Path);

        Assert.Throws<ArgumentException>(() => sut.Put("resnet18", "../../etc/passwd", [1f]));
    }

    [Theory]
    [InlineData("../evil/key")]
    [InlineData("..")]
    [InlineData(".")]
    public void PathFor_KeyWithPathCharacters_StaysInsideTheFolder(string key)
    {
        var sut = new FolderFeatureCache(_folder.Path);

        var path = Path.GetFullPath(sut.PathFor(key, s_sha));

        Assert.StartsWith(_folder.Path + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
        var segments = Path.GetRelativePath(_folder.Path, path).Split(Path.DirectorySeparatorChar);
        Assert.Equal(3, segments.Length);
        Assert.False(segments[0].StartsWith('.'), $"key folder '{segments[0]}' starts with a dot");
    }

    [Fact]
    public void DefaultDirectory_EndsWithDogbreeds()
    {
        Assert.Equal("dogbreeds", Path.GetFileName(FolderFeatureCache.DefaultDirectory));
    }
}
