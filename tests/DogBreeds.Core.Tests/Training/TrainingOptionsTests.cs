using DogBreeds.Core.Training;

namespace DogBreeds.Core.Tests.Training;

public sealed class TrainingOptionsTests
{
    [Fact]
    public void Validate_Defaults_Passes()
    {
        var sut = new TrainingOptions();

        sut.Validate();

        Assert.Equal(TrainingOptions.DefaultEstimators, sut.Estimators);
    }

    [Theory]
    [InlineData(nameof(TrainingOptions.Estimators), 0)]
    [InlineData(nameof(TrainingOptions.MaxSamples), 1.5)]
    [InlineData(nameof(TrainingOptions.MaxFeatures), 0.0)]
    [InlineData(nameof(TrainingOptions.Alpha), -1.0)]
    [InlineData(nameof(TrainingOptions.Epochs), 0)]
    [InlineData(nameof(TrainingOptions.ValidationFraction), 0.5)]
    [InlineData(nameof(TrainingOptions.L1Ratio), 2.0)]
    public void Validate_BadSetting_ThrowsSentenceNamingIt(string name, object value)
    {
        var sut = new TrainingOptions();
        typeof(TrainingOptions).GetProperty(name)!.SetValue(sut, value);

        var error = Assert.Throws<ArgumentException>(sut.Validate);

        Assert.StartsWith($"Training option {name} must be", error.Message, StringComparison.Ordinal);
    }
}
