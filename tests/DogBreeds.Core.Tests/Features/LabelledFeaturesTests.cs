using DogBreeds.Core.Features;

namespace DogBreeds.Core.Tests.Features;

public sealed class LabelledFeaturesTests
{
    [Fact]
    public void Create_UnsortedBreeds_ClassesSortedOrdinally()
    {
        var sut = LabelledFeatures.Create([("a", "pug", [1f, 2f]), ("b", "Akita", [3f, 4f]), ("c", "beagle", [5f, 6f])]);

        Assert.Equal(["Akita", "beagle", "pug"], sut.Classes);
        Assert.Equal([2, 0, 1], sut.Labels);
        Assert.Equal([3f, 4f], sut.Row(1).ToArray());
    }

    [Fact]
    public void Create_RaggedRow_ThrowsNamingTheRow()
    {
        var error = Assert.Throws<ArgumentException>(() => LabelledFeatures.Create([("a", "pug", [1f, 2f]), ("b", "pug", [3f])]));

        Assert.Contains("'b'", error.Message, StringComparison.Ordinal);
        Assert.Contains("same length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NonFiniteValue_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => LabelledFeatures.Create([("a", "pug", [1f, float.NaN])]));

        Assert.Contains("non-finite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StratifiedSplit_TenPercent_EachClassKeepsItsShareAndSameSeedSameSplit()
    {
        var sut = SyntheticFeatures.Blobs(classes: 4, perClass: 50, dimensions: 3, separation: 1, noise: 1, seed: 1);

        var (train, validation) = sut.StratifiedSplit(0.1, seed: 7);
        var again = sut.StratifiedSplit(0.1, seed: 7);
        var other = sut.StratifiedSplit(0.1, seed: 8);

        Assert.Equal(180, train.Rows);
        Assert.Equal(20, validation.Rows);
        Assert.All(validation.ClassCounts(), count => Assert.Equal(5, count));
        Assert.Empty(train.Ids.Intersect(validation.Ids));
        Assert.Equal(validation.Ids, again.Validation.Ids);
        Assert.NotEqual(validation.Ids, other.Validation.Ids);
    }

    [Fact]
    public void WithClasses_UnknownBreed_Throws()
    {
        var sut = LabelledFeatures.Create([("a", "pug", [1f])]);

        var error = Assert.Throws<ArgumentException>(() => sut.WithClasses(["akita"]));

        Assert.Contains("'pug'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_Rows_KeepsClassesAndOrder()
    {
        var sut = LabelledFeatures.Create([("a", "pug", [1f]), ("b", "akita", [2f]), ("c", "pug", [3f])]);

        var selected = sut.Select([2, 0]);

        Assert.Equal(["c", "a"], selected.Ids);
        Assert.Equal([3f, 1f], selected.Values);
        Assert.Equal(sut.Classes, selected.Classes);
    }
}
