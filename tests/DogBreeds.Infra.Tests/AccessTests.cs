using System.Text.RegularExpressions;
using DogBreeds.Infra.Tests.Arm;

namespace DogBreeds.Infra.Tests;

public sealed partial class AccessTests(CompiledInfrastructure infrastructure)
{
    private const string RoleAssignments = "Microsoft.Authorization/roleAssignments";
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string AcrPull = "7f951dda-4ed3-4680-a7ca-43fe172d538d";

    [Theory]
    [InlineData("cpu")]
    [InlineData("gpu")]
    public void StorageRoles_AppIdentity_AreExactlyBlobOwnerQueueAndTableContributor(string hosting)
    {
        var sut = AppRolesOn(infrastructure.Deploy(hosting), "Microsoft.Storage/storageAccounts");

        Assert.Equal(
            new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor }.Order(StringComparer.Ordinal),
            sut.Select(r => RoleId(r)).Order(StringComparer.Ordinal));
        Assert.All(sut, r => Assert.Equal("[parameters('appPrincipalId')]", r.Definition["properties"]!["principalId"]!.GetValue<string>()));
    }

    [Fact]
    public void StorageAccessModule_AppPrincipal_IsTheManagedIdentity()
    {
        var sut = infrastructure.Deploy("cpu").Single(r => r.Type == "Microsoft.Resources/deployments" && r.Name == "storage-access");

        var principal = sut.Raw("properties.parameters.appPrincipalId.value");
        Assert.Contains("'Microsoft.Resources/deployments', 'identity')", principal, StringComparison.Ordinal);
        Assert.Contains(".outputs.principalId.value", principal, StringComparison.Ordinal);
    }

    [Fact]
    public void StorageRoles_PipelinePrincipalGiven_LeavesTheAppsRolesAsTheyAre()
    {
        var overrides = new Dictionary<string, object?> { ["principalId"] = "00000000-0000-0000-0000-000000000002", ["principalType"] = "ServicePrincipal" };
        var resources = infrastructure.Deploy("cpu", overrides);

        var sut = AppRolesOn(resources, "Microsoft.Storage/storageAccounts");

        Assert.Equal(3, sut.Count);
        Assert.Equal(4, resources.OfType(RoleAssignments).Count(r => (r.Evaluate("scope") as string ?? string.Empty).Contains("/Microsoft.Storage/storageAccounts/", StringComparison.Ordinal)));
    }

    [Fact]
    public void StorageRoles_DeployingUserGiven_GetsBlobDataContributorToUploadPhotos()
    {
        var overrides = new Dictionary<string, object?> { ["principalId"] = "00000000-0000-0000-0000-000000000001" };

        var sut = infrastructure.Deploy("cpu", overrides).OfType(RoleAssignments)
            .Where(r => Equals(r.Evaluate("properties.principalType"), "User")).ToList();

        var user = Assert.Single(sut);
        Assert.Equal(StorageBlobDataContributor, RoleId(user));
        Assert.StartsWith("/subscriptions/*/resourceGroups/*/providers/Microsoft.Storage/storageAccounts/", (string)user.Evaluate("scope")!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("gpu")]
    public void RoleAssignments_AnyHosting_AreScopedToOneResourceNeverToTheGroup(string hosting)
    {
        var sut = infrastructure.Deploy(hosting).OfType(RoleAssignments);

        Assert.NotEmpty(sut);
        Assert.All(sut, r => Assert.Matches(ResourceScope(), r.Evaluate("scope") as string ?? "<no scope>"));
    }

    [Theory]
    [InlineData("cpu", 0)]
    [InlineData("gpu", 1)]
    public void RegistryPull_GpuOnly_IsGrantedToTheAppIdentity(string hosting, int expected)
    {
        var sut = AppRolesOn(infrastructure.Deploy(hosting), "Microsoft.ContainerRegistry/registries");

        Assert.Equal(expected, sut.Count);
        Assert.All(sut, r => Assert.Equal(AcrPull, RoleId(r)));
    }

    private static List<DeployedResource> AppRolesOn(IEnumerable<DeployedResource> resources, string scopeType) =>
        resources.OfType(RoleAssignments)
            .Where(r => r.Raw("properties.principalId") != "[parameters('userPrincipalId')]")
            .Where(r => (r.Evaluate("scope") as string ?? string.Empty).Contains($"/providers/{scopeType}/", StringComparison.OrdinalIgnoreCase))
            .ToList();

    private static string RoleId(DeployedResource assignment) =>
        ((string)assignment.Evaluate("properties.roleDefinitionId")!).Split('/')[^1];

    [GeneratedRegex(@"^/subscriptions/\*/resourceGroups/\*/providers/[A-Za-z.]+/[A-Za-z]+/[^/]+$")]
    private static partial Regex ResourceScope();
}
