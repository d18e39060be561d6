using System.Text.RegularExpressions;

namespace DogBreeds.Infra.Tests;

public sealed partial class AppSettingsTests(CompiledInfrastructure infrastructure)
{
    [Theory]
    [InlineData("cpu")]
    [InlineData("gpu")]
    public void HostStorage_AnyHosting_ConnectsWithTheManagedIdentity(string hosting)
    {
        var sut = Settings(hosting);

        Assert.Contains("AzureWebJobsStorage__blobServiceUri", sut.Keys);
        Assert.Contains("AzureWebJobsStorage__queueServiceUri", sut.Keys);
        Assert.Contains("AzureWebJobsStorage__tableServiceUri", sut.Keys);
        Assert.Equal("managedidentity", sut["AzureWebJobsStorage__credential"]);
        Assert.Contains("AzureWebJobsStorage__clientId", sut.Keys);
        Assert.DoesNotContain("AzureWebJobsStorage", sut.Keys);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("gpu")]
    public void PhotoStorage_AnyHosting_ConnectsWithTheManagedIdentity(string hosting)
    {
        var sut = Settings(hosting);

        Assert.Contains("PhotoStorage__blobServiceUri", sut.Keys);
        Assert.Equal("managedidentity", sut["PhotoStorage__credential"]);
        Assert.Contains("PhotoStorage__clientId", sut.Keys);
        Assert.DoesNotContain("PhotoStorage", sut.Keys);
    }

    [Theory]
    [InlineData("cpu", "cpu")]
    [InlineData("gpu", "cuda")]
    public void AppOptions_AnyHosting_RunTheEventGridTriggerAndTheHostingsProvider(string hosting, string provider)
    {
        var sut = Settings(hosting);

        Assert.Equal("true", sut["AzureWebJobs.ExtractFeaturesPolling.Disabled"]);
        Assert.DoesNotContain("AzureWebJobs.ExtractFeatures.Disabled", sut.Keys);
        Assert.Equal(provider, sut["DogBreeds__ExecutionProvider"]);
        Assert.Equal("resnet18", sut["DogBreeds__Backbone"]);
        Assert.Equal("dogbreeds", sut["TaskHubName"]);
    }

    [Theory]
    [InlineData("cpu", false)]
    [InlineData("gpu", true)]
    public void WorkerRuntime_ContainerOnly_IsAnAppSetting(string hosting, bool expected)
    {
        // Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME as a setting: it comes from functionAppConfig.runtime.
        var sut = Settings(hosting);

        Assert.Equal(expected, sut.TryGetValue("FUNCTIONS_WORKER_RUNTIME", out var runtime) && Equals(runtime, "dotnet-isolated"));
    }

    [Fact]
    public void Template_Anywhere_HoldsNoStorageKeyOrConnectionString()
    {
        var sut = infrastructure.Build.Output;

        Assert.DoesNotMatch(KeyMaterial(), sut);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("gpu")]
    public void Telemetry_AnyHosting_AuthenticatesWithEntraId(string hosting)
    {
        var resources = infrastructure.Deploy(hosting);
        var sut = Settings(hosting);

        Assert.Equal(true, resources.Single("Microsoft.Insights/components").Evaluate("properties.DisableLocalAuth"));
        Assert.Contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", sut.Keys);
    }

    private IReadOnlyDictionary<string, object?> Settings(string hosting)
    {
        var resources = infrastructure.Deploy(hosting);
        if (hosting == "cpu")
        {
            return DeployedResources.Settings(resources.Single("Microsoft.Web/sites").Evaluate("properties.siteConfig.appSettings"));
        }

        var containers = (IReadOnlyList<object?>)resources.Single("Microsoft.App/containerApps").Evaluate("properties.template.containers")!;
        return DeployedResources.Settings(((IReadOnlyDictionary<string, object?>)containers[0]!)["env"]);
    }

    [GeneratedRegex("AccountKey|listKeys|listAccountSas|listServiceSas|DefaultEndpointsProtocol|SharedAccessSignature|UseDevelopmentStorage|AzureWebJobsStorage\"", RegexOptions.IgnoreCase)]
    private static partial Regex KeyMaterial();
}
