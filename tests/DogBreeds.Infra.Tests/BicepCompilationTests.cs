namespace DogBreeds.Infra.Tests;

public sealed class BicepCompilationTests(CompiledInfrastructure infrastructure)
{
    [Fact]
    public void Build_MainBicep_CompilesWithoutDiagnostics()
    {
        var sut = infrastructure.Build;

        Assert.Equal(0, sut.ExitCode);
        Assert.Empty(sut.Diagnostics);
        Assert.Equal("https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#", infrastructure.Template["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void Lint_MainBicep_ReportsNothing()
    {
        var sut = infrastructure.Lint;

        Assert.True(sut.ExitCode == 0, sut.Output + sut.Errors);
        Assert.Empty(sut.Diagnostics);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("gpu")]
    public void BuildParams_ParametersFile_GivesTheHostingFromTheEnvironment(string hosting)
    {
        var sut = infrastructure.Parameters(hosting);

        Assert.Equal(hosting, sut["hosting"]);
        Assert.Equal("test", sut["environmentName"]);
        Assert.Equal(string.Empty, sut["blobsExtensionKey"]);
    }

    [Fact]
    public void BuildParams_UnknownHosting_IsRejectedByTheCompiler()
    {
        var sut = BicepCli.Run(new Dictionary<string, string> { ["DOGBREEDS_HOSTING"] = "tpu" }, "build-params", RepositoryPaths.Of("infra", "main.bicepparam"), "--stdout");

        Assert.NotEqual(0, sut.ExitCode);
        Assert.Contains(sut.Diagnostics, d => d.Contains("BCP033", StringComparison.Ordinal) && d.Contains("'cpu' | 'gpu'", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_BicepConfig_TurnsSecretOutputsIntoErrors()
    {
        // The linter configuration in infra/ must make a leaked secret fail the build, not warn.
        var folder = Directory.CreateTempSubdirectory("dogbreeds-lint-");
        try
        {
            File.Copy(RepositoryPaths.Of("infra", "bicepconfig.json"), Path.Combine(folder.FullName, "bicepconfig.json"));
            var file = Path.Combine(folder.FullName, "leak.bicep");
            File.WriteAllText(file, "@secure()\nparam key string\noutput leaked string = key\n");

            var sut = BicepCli.Run("lint", file);

            Assert.NotEqual(0, sut.ExitCode);
            Assert.Contains(sut.Diagnostics, d => d.Contains(" : Error outputs-should-not-contain-secrets", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
