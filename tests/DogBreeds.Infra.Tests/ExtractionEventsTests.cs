namespace DogBreeds.Infra.Tests;

public sealed class ExtractionEventsTests(CompiledInfrastructure infrastructure)
{
    private const string Subscriptions = "Microsoft.EventGrid/systemTopics/eventSubscriptions";

    [Theory]
    [InlineData("cpu")]
    [InlineData("gpu")]
    public void SystemTopic_AnyHosting_ListensToTheStorageAccount(string hosting)
    {
        var sut = infrastructure.Deploy(hosting).Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", sut.Evaluate("properties.topicType"));
        Assert.StartsWith("/subscriptions/*/resourceGroups/*/providers/Microsoft.Storage/storageAccounts/", (string)sut.Evaluate("properties.source")!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("gpu")]
    public void Subscription_NoSystemKeyYet_IsLeftToTheHook(string hosting)
    {
        var sut = infrastructure.Deploy(hosting);

        Assert.Empty(sut.OfType(Subscriptions));
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("gpu")]
    public void Subscription_SystemKeyGiven_DeliversBlobCreatedUnderImagesToExtractFeatures(string hosting)
    {
        var overrides = new Dictionary<string, object?> { ["blobsExtensionKey"] = "system-key" };
        var resources = infrastructure.Deploy(hosting, overrides);

        var sut = resources.Single(Subscriptions);
        Assert.Equal(new object?[] { "Microsoft.Storage.BlobCreated" }, (IReadOnlyList<object?>)sut.Evaluate("properties.filter.includedEventTypes")!);
        Assert.Equal("/blobServices/default/containers/images/", sut.Evaluate("properties.filter.subjectBeginsWith"));
        Assert.Equal("WebHook", sut.Evaluate("properties.destination.endpointType"));
        var module = resources.Single(r => r.Type == "Microsoft.Resources/deployments" && r.Name == "extraction-events");
        var webhook = module.Raw("properties.parameters.webhookUrl.value");
        Assert.Contains("https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.ExtractFeatures&code={1}", webhook, StringComparison.Ordinal);
        Assert.Contains("parameters('blobsExtensionKey')", webhook, StringComparison.Ordinal);
    }

    [Fact]
    public void Webhook_KeyParameter_IsSecure()
    {
        var sut = infrastructure.Template["parameters"]!["blobsExtensionKey"]!["type"]!.GetValue<string>();

        Assert.Equal("securestring", sut);
    }

    [Fact]
    public void Module_BuiltAlone_CompilesForTheHook()
    {
        // infra/hooks/wire-extraction-events.sh deploys this module by itself once the key exists.
        var sut = BicepCli.Run("build", RepositoryPaths.Of("infra", "modules", "extraction-events.bicep"), "--stdout");

        Assert.Equal(0, sut.ExitCode);
        Assert.Empty(sut.Diagnostics);
        Assert.Contains("/blobServices/default/containers/{0}/", sut.Output, StringComparison.Ordinal);
    }
}
