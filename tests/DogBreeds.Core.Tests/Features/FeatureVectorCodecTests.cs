using DogBreeds.Core.Features;

namespace DogBreeds.Core.Tests.Features;

public sealed class FeatureVectorCodecTests
{
    [Fact]
    public void Encode_ThenDecode_RoundTripsExactly()
    {
        float[] features = [0f, -1.5f, 3.25e-7f, float.MaxValue, 42f];

        var bytes = FeatureVectorCodec.Encode(features);

        Assert.Equal(FeatureVectorCodec.HeaderLength + (4 * features.Length), bytes.Length);
        Assert.Equal("DBFV"u8.ToArray(), bytes[..4]);
        Assert.Equal(features, FeatureVectorCodec.Decode(bytes));
    }

    [Fact]
    public void Encode_LittleEndianLayout_IsFixed()
    {
        var bytes = FeatureVectorCodec.Encode([1f]);

        Assert.Equal(new byte[] { 0x44, 0x42, 0x46, 0x56, 1, 0, 0, 0, 0x00, 0x00, 0x80, 0x3F }, bytes);
    }

    [Fact]
    public void Encode_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => FeatureVectorCodec.Encode([]));
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, "shorter than")]
    [InlineData(new byte[] { 0x44, 0x42, 0x46, 0x58, 1, 0, 0, 0, 0, 0, 0x80, 0x3F }, "does not start with")]
    [InlineData(new byte[] { 0x44, 0x42, 0x46, 0x56, 2, 0, 0, 0, 0, 0, 0x80, 0x3F }, "must be 16 bytes")]
    [InlineData(new byte[] { 0x44, 0x42, 0x46, 0x56, 0, 0, 0, 0 }, "declares 0 values")]
    public void Decode_BadInput_ThrowsSentence(byte[] bytes, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => FeatureVectorCodec.Decode(bytes));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
