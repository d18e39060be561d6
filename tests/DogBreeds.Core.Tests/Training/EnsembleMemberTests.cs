using DogBreeds.Core.Training;

namespace DogBreeds.Core.Tests.Training;

public sealed class EnsembleMemberTests
{
    private static EnsembleMember Member() =>
        new(3, SgdLoss.Multinomial, [0, 4, 9], [1, 2], [0.5f, -1f, 2f, 1e-8f, 0f, -0f], [0.25f, -0.25f], epochs: 7, finalLoss: 0.125, bagRows: 40);

    [Fact]
    public void ToBytes_ThenFromBytes_SameMemberBitForBit()
    {
        var member = Member();

        var sut = EnsembleMember.FromBytes(member.ToBytes());

        Assert.Equal(3, sut.Index);
        Assert.Equal(SgdLoss.Multinomial, sut.Loss);
        Assert.Equal(member.FeatureIndices, sut.FeatureIndices);
        Assert.Equal(member.ClassIndices, sut.ClassIndices);
        Assert.Equal(member.Weights.Select(BitConverter.SingleToInt32Bits), sut.Weights.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(member.Intercepts, sut.Intercepts);
        Assert.Equal((7, 0.125, 40), (sut.Epochs, sut.FinalLoss, sut.BagRows));
    }

    [Fact]
    public void FromBytes_Truncated_ThrowsFormatException()
    {
        var bytes = Member().ToBytes();

        var error = Assert.Throws<FormatException>(() => EnsembleMember.FromBytes(bytes[..^3]));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBytes_NotAMember_ThrowsFormatException()
    {
        var error = Assert.Throws<FormatException>(() => EnsembleMember.FromBytes([1, 2, 3, 4, 5, 6, 7, 8]));

        Assert.Contains("not an ensemble member", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ShapesDisagree_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EnsembleMember(0, SgdLoss.OneVsRest, [0, 1], [0, 1], [1f, 2f, 3f], [0f, 0f], 1, 0, 1));
    }
}
