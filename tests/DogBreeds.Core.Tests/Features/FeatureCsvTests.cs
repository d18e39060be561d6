using DogBreeds.Core.Features;

namespace DogBreeds.Core.Tests.Features;

public sealed class FeatureCsvTests
{
    [Fact]
    public void Write_ThenRead_RoundTripsValuesExactly()
    {
        var data = LabelledFeatures.Create([("a", "pug", [0.1f, 1e-7f, 3.4028235e38f]), ("b", "not-dog", [-2.5f, 0f, 1f / 3])]);
        using var writer = new StringWriter();

        FeatureCsv.Write(writer, data);
        var sut = FeatureCsv.Read(new StringReader(writer.ToString()));

        Assert.StartsWith("label,f0,f1,f2\n", writer.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(data.Values, sut.Values);
        Assert.Equal(data.Classes, sut.Classes);
        Assert.Equal(data.Labels, sut.Labels);
    }

    [Fact]
    public void Write_WithIds_RoundTripsIds()
    {
        var data = LabelledFeatures.Create([("x1", "pug", [1f, 2f]), ("x2", "akita", [3f, 4f])]);
        using var writer = new StringWriter();

        FeatureCsv.Write(writer, data.Ids, data.Labels.Select(l => data.Classes[l]).ToArray(), data.Values);
        var sut = FeatureCsv.Read(new StringReader(writer.ToString()));

        Assert.Equal(["x1", "x2"], sut.Ids);
        Assert.Equal(data.Values, sut.Values);
    }

    [Fact]
    public void Read_IdColumnHeader_ReadsIds()
    {
        var sut = FeatureCsv.Read(new StringReader("id,label,f0,f1\nx1,pug,1,2\nx2,akita,3,4\n"));

        Assert.Equal(["x1", "x2"], sut.Ids);
        Assert.Equal(["akita", "pug"], sut.Classes);
    }

    [Fact]
    public void Read_BadNumber_ThrowsNamingLineAndColumn()
    {
        var error = Assert.Throws<FormatException>(() => FeatureCsv.Read(new StringReader("label,f0,f1\npug,1,abc\n"), "bad.csv"));

        Assert.Contains("Line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'abc'", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongFieldCount_Throws()
    {
        var error = Assert.Throws<FormatException>(() => FeatureCsv.Read(new StringReader("label,f0,f1\npug,1\n")));

        Assert.Contains("2 fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LabelWithComma_Throws()
    {
        using var writer = new StringWriter();

        Assert.Throws<ArgumentException>(() => FeatureCsv.Write(writer, ["a,b"], [1f]));
    }
}
