using DogBreeds.Core.Features;

namespace DogBreeds.Core.Tests.Features;

public sealed class PhotoHashTests
{
    [Fact]
    public void Sha256Hex_KnownInput_MatchesStandardDigest()
    {
        var sut = PhotoHash.Sha256Hex("abc"u8);

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sut);
        Assert.True(PhotoHash.IsSha256Hex(sut));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")]
    [InlineData("ba7816bf")]
    public void IsSha256Hex_NotLowerHex64_False(string? value)
    {
        Assert.False(PhotoHash.IsSha256Hex(value));
    }
}
