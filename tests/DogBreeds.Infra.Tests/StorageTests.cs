namespace DogBreeds.Infra.Tests;

public sealed class StorageTests(CompiledInfrastructure infrastructure)
{
    private const string StorageAccounts = "Microsoft.Storage/storageAccounts";

    [Theory]
    [InlineData("cpu")]
    [InlineData("gpu")]
    public void StorageAccount_AnyHosting_AllowsNoKeysNoPlainHttpNoPublicBlobs(string hosting)
    {
        var sut = infrastructure.Deploy(hosting).Single(StorageAccounts);

        Assert.Equal(false, sut.Evaluate("properties.allowSharedKeyAccess"));
        Assert.Equal(true, sut.Evaluate("properties.supportsHttpsTrafficOnly"));
        Assert.Equal("TLS1_2", sut.Evaluate("properties.minimumTlsVersion"));
        Assert.Equal(false, sut.Evaluate("properties.allowBlobPublicAccess"));
        Assert.Equal(true, sut.Evaluate("properties.defaultToOAuthAuthentication"));
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("gpu")]
    public void Containers_AnyHosting_HoldThePipelineContainersPrivately(string hosting)
    {
        var sut = infrastructure.Deploy(hosting).OfType($"{StorageAccounts}/blobServices/containers");

        var names = sut.Select(c => c.Name.Split('/')[^1]).ToList();
        Assert.Contains("images", names);
        Assert.Contains("features", names);
        Assert.Contains("models", names);
        Assert.All(sut, c => Assert.Equal("None", c.Evaluate("properties.publicAccess")));
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("gpu")]
    public void QueuesAndTables_AnyHosting_AreEnabledForDurableFunctions(string hosting)
    {
        var sut = infrastructure.Deploy(hosting);

        Assert.Single(sut.OfType($"{StorageAccounts}/queueServices"));
        Assert.Single(sut.OfType($"{StorageAccounts}/tableServices"));
    }

    [Theory]
    [InlineData("cpu", 4)]
    [InlineData("gpu", 3)]
    public void DeploymentContainer_FlexConsumptionOnly_IsCreated(string hosting, int expectedContainers)
    {
        var sut = infrastructure.Deploy(hosting).OfType($"{StorageAccounts}/blobServices/containers");

        Assert.Equal(expectedContainers, sut.Count);
    }
}
