using DogBreeds.Core.Evaluation;

namespace DogBreeds.Core.Tests.Evaluation;

public sealed class NotDogSeparationTests
{
    [Fact]
    public void Auroc_PerfectSeparation_One()
    {
        Assert.Equal(1.0, NotDogSeparation.Auroc([0.9, 0.8, 0.7], [0.1, 0.2]));
    }

    [Fact]
    public void Auroc_Reversed_Zero()
    {
        Assert.Equal(0.0, NotDogSeparation.Auroc([0.1], [0.9, 0.8]));
    }

    [Fact]
    public void Auroc_TiesCountedHalf_HandComputed()
    {
        // Pairs (dog, not-dog): (0.5,0.5) tie = 0.5, (0.5,0.2) = 1, (0.9,0.5) = 1, (0.9,0.2) = 1, (0.1,0.5) = 0, (0.1,0.2) = 0.
        // AUROC = 3.5 / 6.
        var sut = NotDogSeparation.Auroc([0.5, 0.9, 0.1], [0.5, 0.2]);

        Assert.Equal(3.5 / 6, sut, 12);
    }

    [Fact]
    public void Auroc_NoNotDogs_ThrowsSentence()
    {
        var error = Assert.Throws<ArgumentException>(() => NotDogSeparation.Auroc([0.5], []));

        Assert.Contains("0 not-dog scores", error.Message, StringComparison.Ordinal);
    }
}
