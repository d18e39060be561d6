using DogBreeds.Functions.Scoring;

namespace DogBreeds.Functions.Tests.Scoring;

public sealed class ScoreAnswerTests
{
    [Theory]
    [InlineData(0.6, 0.6, true, 0.5)]
    [InlineData(1.0, 0.6, true, 1.0)]
    [InlineData(0.8, 0.6, true, 0.75)]
    [InlineData(0.0, 0.6, false, 1.0)]
    [InlineData(0.3, 0.6, false, 0.75)]
    public void DogConfidence_DistanceFromThreshold_HalfToOne(double maxProbability, double threshold, bool isDog, double expected)
    {
        double sut = ScoreAnswer.DogConfidence(maxProbability, threshold, isDog);

        Assert.Equal(expected, sut, 9);
    }
}
