using System.Text.Json.Nodes;

namespace DogBreeds.Infra.Tests;

public sealed class AzdProjectTests(CompiledInfrastructure infrastructure)
{
    [Fact]
    public void AzureYaml_Service_IsTheFunctionsProjectOnAFunctionHost()
    {
        var sut = File.ReadAllLines(RepositoryPaths.Of("azure.yaml")).Select(l => l.Trim()).ToList();

        Assert.Contains("project: ./functions/DogBreeds.Functions", sut);
        Assert.Contains("host: function", sut);
        Assert.Contains("language: dotnet", sut);
        Assert.Contains("path: infra", sut);
        Assert.Contains("module: main", sut);
    }

    [Fact]
    public void AzureYaml_Hooks_PointAtScriptsThatExist()
    {
        var sut = File.ReadAllLines(RepositoryPaths.Of("azure.yaml")).Select(l => l.Trim())
            .Where(l => l.StartsWith("run: ", StringComparison.Ordinal)).Select(l => l["run: ".Length..]).ToList();

        Assert.Equal(3, sut.Count);
        Assert.All(sut, script => Assert.True(File.Exists(RepositoryPaths.Of(script)), $"azure.yaml runs {script}, which does not exist."));
    }

    [Fact]
    public void ParametersJson_EveryValue_IsAParameterOfMainBicep()
    {
        var declared = infrastructure.Template["parameters"]!.AsObject();
        var sut = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Of("infra", "main.parameters.json")))!["parameters"]!.AsObject();

        Assert.All(sut, p => Assert.True(declared.ContainsKey(p.Key), $"main.parameters.json sets {p.Key}, which main.bicep does not declare."));
        Assert.All(declared.Where(p => p.Value!["defaultValue"] is null), p => Assert.True(sut.ContainsKey(p.Key), $"main.parameters.json leaves the required {p.Key} unset."));
        Assert.Equal("${AZURE_ENV_NAME}", sut["environmentName"]!["value"]!.GetValue<string>());
        Assert.Equal("${DOGBREEDS_HOSTING=cpu}", sut["hosting"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void DeployDocs_Parameters_DescribeEveryParameterOfMainBicep()
    {
        var documented = File.ReadAllText(RepositoryPaths.Of("README.md"));

        var sut = infrastructure.Template["parameters"]!.AsObject().Select(p => p.Key).Where(name => !documented.Contains($"`{name}`", StringComparison.Ordinal)).ToList();

        Assert.True(sut.Count == 0, $"The README's Deploy to Azure section does not describe: {string.Join(", ", sut)}.");
    }

    [Fact]
    public void MainBicep_Outputs_GiveTheHooksWhatTheyRead()
    {
        var outputs = infrastructure.Template["outputs"]!.AsObject();
        var hooks = string.Concat(Directory.GetFiles(RepositoryPaths.Of("infra", "hooks"), "*.sh").Select(File.ReadAllText));

        foreach (var name in new[] { "AZURE_RESOURCE_GROUP", "FUNCTION_APP_NAME", "FUNCTION_APP_HOST", "EVENTGRID_SYSTEM_TOPIC_NAME", "AZURE_CONTAINER_REGISTRY_NAME", "AZURE_CONTAINER_REGISTRY_ENDPOINT", "DOGBREEDS_HOSTING" })
        {
            Assert.Contains(name, hooks, StringComparison.Ordinal);
            Assert.True(outputs.ContainsKey(name), $"The hooks read {name}, which main.bicep does not output.");
        }
    }
}
