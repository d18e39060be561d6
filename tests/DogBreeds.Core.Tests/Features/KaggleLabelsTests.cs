using DogBreeds.Core.Features;

namespace DogBreeds.Core.Tests.Features;

public sealed class KaggleLabelsTests
{
    [Fact]
    public void Parse_KaggleCsv_MapsIdToBreedFirstRowWins()
    {
        var problems = new List<CatalogProblem>();

        var sut = KaggleLabels.Parse("id,breed\r\nn1,beagle\n\nn2, shih-tzu \nn1,dingo\n", "labels.csv", knownBreeds: null, problems);

        Assert.Equal(2, sut.Count);
        Assert.Equal("beagle", sut["n1"]);
        Assert.Equal("shih-tzu", sut["n2"]);
        Assert.Equal(CatalogProblemKind.ConflictingLabels, Assert.Single(problems).Kind);
    }

    [Fact]
    public void Parse_WrongHeader_ThrowsNamingTheFile()
    {
        var ex = Assert.Throws<InvalidDataException>(() => KaggleLabels.Parse("file,label\nn1,beagle\n", "images/train/labels.csv", knownBreeds: null, []));

        Assert.Contains("images/train/labels.csv", ex.Message, StringComparison.Ordinal);
    }
}
