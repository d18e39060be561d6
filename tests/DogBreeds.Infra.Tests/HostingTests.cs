namespace DogBreeds.Infra.Tests;

public sealed class HostingTests(CompiledInfrastructure infrastructure)
{
    [Fact]
    public void Cpu_FlexConsumptionPlan_RunsDotnet10IsolatedOnLinux()
    {
        var resources = infrastructure.Deploy("cpu");

        var plan = resources.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", plan.Evaluate("sku.name"));
        Assert.Equal("FlexConsumption", plan.Evaluate("sku.tier"));
        Assert.Equal(true, plan.Evaluate("properties.reserved"));
        var sut = resources.Single("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", sut.Evaluate("kind"));
        Assert.Equal(true, sut.Evaluate("properties.httpsOnly"));
        Assert.Equal("dotnet-isolated", sut.Evaluate("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", sut.Evaluate("properties.functionAppConfig.runtime.version"));
    }

    [Fact]
    public void Cpu_DeploymentPackage_IsReadWithTheManagedIdentity()
    {
        var sut = infrastructure.Deploy("cpu").Single("Microsoft.Web/sites");

        Assert.Equal("blobContainer", sut.Evaluate("properties.functionAppConfig.deployment.storage.type"));
        Assert.Equal("UserAssignedIdentity", sut.Evaluate("properties.functionAppConfig.deployment.storage.authentication.type"));
        Assert.Equal("[parameters('identityId')]", sut.Raw("properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId"));
    }

    [Theory]
    [InlineData(2048L, 0L, 0)]
    [InlineData(4096L, 3L, 1)]
    public void Cpu_MemoryAndAlwaysReady_FollowTheParameters(long memory, long alwaysReady, int groups)
    {
        var overrides = new Dictionary<string, object?> { ["instanceMemoryMB"] = memory, ["alwaysReadyInstances"] = alwaysReady };

        var sut = infrastructure.Deploy("cpu", overrides).Single("Microsoft.Web/sites");

        Assert.Equal(memory, sut.Evaluate("properties.functionAppConfig.scaleAndConcurrency.instanceMemoryMB"));
        var ready = (IReadOnlyList<object?>)sut.Evaluate("properties.functionAppConfig.scaleAndConcurrency.alwaysReady")!;
        Assert.Equal(groups, ready.Count);
        Assert.All(ready, g => Assert.Equal(alwaysReady, ((IReadOnlyDictionary<string, object?>)g!)["instanceCount"]));
    }

    [Fact]
    public void Cpu_Deployment_HasNoGpuProfileNoContainerAppsNoRegistry()
    {
        var sut = infrastructure.Deploy("cpu");

        Assert.Empty(sut.OfType("Microsoft.App/managedEnvironments"));
        Assert.Empty(sut.OfType("Microsoft.App/containerApps"));
        Assert.Empty(sut.OfType("Microsoft.ContainerRegistry/registries"));
        Assert.DoesNotContain(sut, r => r.Definition.ToJsonString().Contains("Consumption-GPU", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "Consumption-GPU-NC8as-T4")]
    [InlineData("Consumption-GPU-NC24-A100", "Consumption-GPU-NC24-A100")]
    public void Gpu_Environment_HasTheServerlessGpuProfileTheAppRunsOn(string? chosen, string expected)
    {
        var overrides = chosen is null ? null : new Dictionary<string, object?> { ["gpuProfileType"] = chosen };
        var resources = infrastructure.Deploy("gpu", overrides);

        var environment = resources.Single("Microsoft.App/managedEnvironments");
        var profiles = ((IReadOnlyList<object?>)environment.Evaluate("properties.workloadProfiles")!).Cast<IReadOnlyDictionary<string, object?>>().ToList();
        var gpu = Assert.Single(profiles, p => ((string)p["workloadProfileType"]!).StartsWith("Consumption-GPU-", StringComparison.Ordinal));
        Assert.Equal(expected, gpu["workloadProfileType"]);
        var sut = resources.Single("Microsoft.App/containerApps");
        Assert.Equal("functionapp", sut.Evaluate("kind"));
        Assert.Equal(gpu["name"], sut.Evaluate("properties.workloadProfileName"));
    }

    [Fact]
    public void Gpu_Container_PullsFromTheRegistryWithTheManagedIdentity()
    {
        var resources = infrastructure.Deploy("gpu");

        Assert.Equal(false, resources.Single("Microsoft.ContainerRegistry/registries").Evaluate("properties.adminUserEnabled"));
        var sut = resources.Single("Microsoft.App/containerApps");
        var registries = (IReadOnlyList<object?>)sut.Evaluate("properties.configuration.registries")!;
        var registry = (IReadOnlyDictionary<string, object?>)Assert.Single(registries)!;
        Assert.Contains("\"identity\":\"[parameters('identityId')]\"", sut.Raw("properties.configuration.registries"), StringComparison.Ordinal);
        Assert.False(registry.ContainsKey("passwordSecretRef"));
        Assert.Empty(resources.OfType("Microsoft.Web/serverfarms"));
    }

    [Fact]
    public void Gpu_Container_ScalesToZeroByDefault()
    {
        var sut = infrastructure.Deploy("gpu").Single("Microsoft.App/containerApps");

        Assert.Equal(0L, sut.Evaluate("properties.template.scale.minReplicas"));
        Assert.Equal(2L, sut.Evaluate("properties.template.scale.maxReplicas"));
    }
}
