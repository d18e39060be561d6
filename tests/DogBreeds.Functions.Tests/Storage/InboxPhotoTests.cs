using DogBreeds.Functions.Storage;

namespace DogBreeds.Functions.Tests.Storage;

public sealed class InboxPhotoTests
{
    [Theory]
    [InlineData("train/beagle/n0001.jpg", "n0001", "beagle", false)]
    [InlineData("train/n0002.JPEG", "n0002", null, false)]
    [InlineData("test/abc.png", "abc", null, true)]
    public void TryParse_PhotoInInbox_ReadsIdBreedAndKind(string name, string id, string? breed, bool isTest)
    {
        bool parsed = InboxPhoto.TryParse(name, out var sut);

        Assert.True(parsed);
        Assert.Equal(new InboxPhoto(name, id, breed, isTest), sut);
    }

    [Theory]
    [InlineData("train/labels.csv")]
    [InlineData("train/README.txt")]
    [InlineData("other/x.jpg")]
    [InlineData("test/sub/x.jpg")]
    [InlineData("train/a/b/c.jpg")]
    [InlineData("x.jpg")]
    [InlineData("train/.jpg")]
    public void TryParse_NotAPhotoToProcess_ReturnsFalse(string name)
    {
        bool sut = InboxPhoto.TryParse(name, out _);

        Assert.False(sut);
    }
}
