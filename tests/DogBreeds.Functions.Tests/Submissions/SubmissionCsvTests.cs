using System.Globalization;
using System.Text;
using DogBreeds.Functions.Submissions;

namespace DogBreeds.Functions.Tests.Submissions;

public sealed class SubmissionCsvTests
{
    [Fact]
    public void AppendRow_Probabilities_RenormalisedToSumOne()
    {
        var sut = new StringBuilder();

        SubmissionCsv.AppendRow(sut, "abc", [0.2f, 0.3f, 0.4f], 3);

        string[] cells = sut.ToString().TrimEnd('\n').Split(',');
        Assert.Equal("abc", cells[0]);
        Assert.Equal(1.0, cells[1..].Sum(c => double.Parse(c, CultureInfo.InvariantCulture)), 8);
    }

    [Fact]
    public void AppendRow_NoProbabilities_UniformRow()
    {
        var sut = new StringBuilder();

        SubmissionCsv.AppendRow(sut, "broken", [], 4);

        Assert.Equal("broken,0.25,0.25,0.25,0.25\n", sut.ToString());
    }

    [Fact]
    public void Header_Classes_IdThenClassesInOrder()
    {
        Assert.Equal("id,beagle,dingo", SubmissionCsv.Header(["beagle", "dingo"]));
    }
}
