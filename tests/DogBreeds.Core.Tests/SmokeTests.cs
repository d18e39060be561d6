namespace DogBreeds.Core.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Assembly_Loads_HasName()
    {
        Assert.Equal("DogBreeds.Core", typeof(DogBreeds.Core.Placeholder).Assembly.GetName().Name);
    }
}
