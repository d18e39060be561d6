using System.Diagnostics;

namespace DogBreeds.Infra.Tests;

public sealed class HooksTests
{
    private static readonly string[] s_hooks = ["postprovision.sh", "predeploy.sh", "postdeploy.sh", "wire-extraction-events.sh"];
    private static readonly string[] s_hookInputs = ["DOGBREEDS_HOSTING", "AZURE_RESOURCE_GROUP", "FUNCTION_APP_NAME", "FUNCTION_APP_HOST", "EVENTGRID_SYSTEM_TOPIC_NAME"];
    private static readonly string[] s_shellCheckLocations = ["/usr/bin/shellcheck", "/usr/local/bin/shellcheck"];

    [Fact]
    public void Hooks_All_AreExecutable()
    {
        foreach (var hook in s_hooks)
        {
            var sut = File.GetUnixFileMode(RepositoryPaths.Of("infra", "hooks", hook));

            Assert.True((sut & UnixFileMode.UserExecute) != 0, $"infra/hooks/{hook} is not executable.");
        }
    }

    [Fact]
    public void WireExtractionEvents_Webhook_CallsExtractFeaturesWithTheBlobsExtensionKey()
    {
        var sut = File.ReadAllText(RepositoryPaths.Of("infra", "hooks", "wire-extraction-events.sh"));

        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.ExtractFeatures&code=$key", sut, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", sut, StringComparison.Ordinal);
        Assert.Contains("--key-name blobs_extension", sut, StringComparison.Ordinal);
        Assert.Contains("infra/modules/extraction-events.bicep", sut, StringComparison.Ordinal);
    }

    [Fact]
    public void Predeploy_GpuHosting_StopsWithASentence()
    {
        var sut = RunHook("predeploy.sh", new Dictionary<string, string> { ["DOGBREEDS_HOSTING"] = "gpu" });

        Assert.Equal(1, sut.ExitCode);
        Assert.Contains("azd provision", sut.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Predeploy_CpuHosting_LetsAzdDeploy()
    {
        var sut = RunHook("predeploy.sh", new Dictionary<string, string> { ["DOGBREEDS_HOSTING"] = "cpu" });

        Assert.Equal(0, sut.ExitCode);
    }

    [Fact]
    public void WireExtractionEvents_MissingOutputs_FailsNamingTheVariable()
    {
        var sut = RunHook("wire-extraction-events.sh", new Dictionary<string, string>());

        Assert.NotEqual(0, sut.ExitCode);
        Assert.Contains("AZURE_RESOURCE_GROUP is not set", sut.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Hooks_All_PassShellCheck()
    {
        var shellcheck = s_shellCheckLocations.FirstOrDefault(File.Exists);
        if (shellcheck is null)
        {
            Assert.Skip("shellcheck is not installed (apt-get install shellcheck); the hooks were not linted.");
        }

        var start = new ProcessStartInfo(shellcheck) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--shell=sh");
        foreach (var hook in s_hooks)
        {
            start.ArgumentList.Add(RepositoryPaths.Of("infra", "hooks", hook));
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, output);
    }

    private static BicepRun RunHook(string hook, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryPaths.Of("infra", "hooks", hook));
        foreach (var name in s_hookInputs)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new BicepRun(process.ExitCode, output.Result, errors.Result);
    }
}
