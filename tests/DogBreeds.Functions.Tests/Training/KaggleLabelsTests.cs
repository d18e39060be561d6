using DogBreeds.Functions.Training;

namespace DogBreeds.Functions.Tests.Training;

public sealed class KaggleLabelsTests
{
    [Fact]
    public void Parse_KaggleCsv_MapsIdToBreedFirstRowWins()
    {
        var sut = KaggleLabels.Parse("id,breed\r\nn1,beagle\n\nn2, shih-tzu \nn1,dingo\n", "labels.csv");

        Assert.Equal(2, sut.Count);
        Assert.Equal("beagle", sut["n1"]);
        Assert.Equal("shih-tzu", sut["n2"]);
    }

    [Fact]
    public void Parse_WrongHeader_ThrowsNamingTheFile()
    {
        var ex = Assert.Throws<InvalidDataException>(() => KaggleLabels.Parse("file,label\nn1,beagle\n", "images/train/labels.csv"));

        Assert.Contains("images/train/labels.csv", ex.Message, StringComparison.Ordinal);
    }
}
