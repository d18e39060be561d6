using DogBreeds.Functions.Models;

namespace DogBreeds.Functions.Tests.Models;

public sealed class ModelVersionNameTests
{
    [Fact]
    public void Create_OrchestrationTimeAndInstance_SortableSafeName()
    {
        string sut = ModelVersionName.Create(new DateTime(2026, 12, 4, 17, 5, 9, DateTimeKind.Utc), "6C7E6A0b-ffff");

        Assert.Equal("v20261204-170509-6c7e6a", sut);
        Assert.True(ModelVersionName.IsValid(sut));
    }

    [Theory]
    [InlineData("")]
    [InlineData("current")]
    [InlineData("../v1")]
    [InlineData("v1/model")]
    [InlineData("_runs")]
    public void IsValid_NotAVersionName_False(string name)
    {
        Assert.False(ModelVersionName.IsValid(name));
    }
}
