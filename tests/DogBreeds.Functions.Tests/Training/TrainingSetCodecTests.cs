using DogBreeds.Core.Features;
using DogBreeds.Functions.Training;

namespace DogBreeds.Functions.Tests.Training;

public sealed class TrainingSetCodecTests
{
    [Fact]
    public void Decode_EncodedSet_SameRowsLabelsClassesAndIds()
    {
        var data = LabelledFeatures.Create(
        [
            ("train/a.jpg", "beagle", [1f, 2f, 3f]),
            ("train/b.jpg", "samoyed", [4f, 5f, 6f]),
            ("train/c.jpg", "beagle", [7f, 8f, float.Epsilon]),
        ]);

        var sut = TrainingSetCodec.Decode(TrainingSetCodec.Encode(data), "blob");

        Assert.Equal(data.Classes, sut.Classes);
        Assert.Equal(data.Ids, sut.Ids);
        Assert.Equal(data.Labels, sut.Labels);
        Assert.Equal(data.Values, sut.Values);
        Assert.Equal(3, sut.Columns);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    public void Decode_BrokenBlob_ThrowsNamingTheBlob(int keep)
    {
        var data = LabelledFeatures.Create([("a", "beagle", [1f, 2f]), ("b", "dingo", [3f, 4f])]);
        byte[] bytes = keep == 0 ? "not a training set at all"u8.ToArray() : TrainingSetCodec.Encode(data)[..keep];

        var ex = Assert.Throws<InvalidDataException>(() => TrainingSetCodec.Decode(bytes, "models/_runs/x/training-set.bin"));

        Assert.Contains("models/_runs/x/training-set.bin", ex.Message, StringComparison.Ordinal);
    }
}
