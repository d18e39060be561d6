using DogBreeds.Cli.Workflows;

namespace DogBreeds.Cli.Tests.Workflows;

public sealed class SubmissionSheetTests
{
    [Fact]
    public void Map_ColumnsInAnotherOrderWithUnknownBreed_PlacesAndRenormalises()
    {
        var sut = new SubmissionSheet(["beagle", "dingo", "pug"], ["dingo", "akita", "beagle"]);

        var row = sut.Map([0.2f, 0.6f, 0.2f]);

        Assert.Equal(["pug"], sut.UnmappedClasses);
        Assert.Equal(0.75, row[0], 6);
        Assert.Equal(0.0, row[1]);
        Assert.Equal(0.25, row[2], 6);
    }

    [Fact]
    public void Uniform_SomeColumnsUnknownToTheModel_SpreadsOverKnownBreedsOnly()
    {
        var sut = new SubmissionSheet(["beagle", "dingo"], ["akita", "beagle", "dingo", "pug"]);

        Assert.Equal([0.0, 0.5, 0.5, 0.0], sut.Uniform());
    }

    [Fact]
    public void Constructor_NoSharedBreed_Throws()
    {
        var e = Assert.Throws<InvalidDataException>(() => new SubmissionSheet(["beagle"], ["akita"]));

        Assert.Contains("--breeds", e.Message, StringComparison.Ordinal);
    }
}
