using DogBreeds.Core.Evaluation;

namespace DogBreeds.Core.Tests.Evaluation;

public sealed class MultiClassLogLossTests
{
    [Fact]
    public void Compute_HandComputedRows_MeanOfMinusLogTrueProbability()
    {
        // Row 0: true class 0 with p = 0.5; row 1: true class 2 with p = 0.25.
        // Loss = (-ln 0.5 - ln 0.25) / 2 = (0.693147 + 1.386294) / 2 = 1.0397208.
        float[] probabilities = [0.5f, 0.3f, 0.2f, 0.5f, 0.25f, 0.25f];

        var sut = MultiClassLogLoss.Compute(probabilities, [0, 2], 3);

        Assert.Equal(1.0397207708, sut, 6);
    }

    [Fact]
    public void Compute_RowsNotSummingToOne_Renormalised()
    {
        // [0.4, 0.2, 0.2] (sum 0.8) renormalises to [0.5, 0.25, 0.25]: loss of class 0 = ln 2.
        var sut = MultiClassLogLoss.Compute([0.4f, 0.2f, 0.2f], [0], 3);

        Assert.Equal(Math.Log(2), sut, 6);
    }

    [Fact]
    public void Compute_ValuesAboveOne_ClippedBeforeRenormalising()
    {
        // Clip first: [2, 1, 1] becomes [1 - 1e-15] x 3, renormalised to thirds: loss = ln 3.
        var sut = MultiClassLogLoss.Compute([2f, 1f, 1f], [0], 3);

        Assert.Equal(Math.Log(3), sut, 6);
    }

    [Fact]
    public void Compute_ZeroProbabilityOnTruth_ClippedTo1e15()
    {
        // p_true = 0 is clipped to 1e-15; the row sum is 1 + 1e-15 (negligible): loss = -ln(1e-15) = 34.538776.
        var sut = MultiClassLogLoss.Compute([0f, 1f], [0], 2);

        Assert.Equal(34.538776394910684, sut, 5);
    }

    [Fact]
    public void Compute_CertainAndRight_ClippedBelowOne()
    {
        // p = 1 is clipped to 1 - 1e-15 and the other to 1e-15: loss is about 1e-15, not 0 or NaN.
        var sut = MultiClassLogLoss.Compute([1f, 0f], [0], 2);

        Assert.InRange(sut, 0, 1e-14);
    }

    [Fact]
    public void Compute_LabelOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => MultiClassLogLoss.Compute([0.5f, 0.5f], [2], 2));
    }
}
