using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DogBreeds.Infra.Tests.Arm;

[assembly: AssemblyFixture(typeof(DogBreeds.Infra.Tests.CompiledInfrastructure))]

namespace DogBreeds.Infra.Tests;

/// <summary>
/// Compiles infra/main.bicep once per test run (the compiler takes seconds), lints it, and compiles the
/// parameters file infra/main.bicepparam for each hosting choice; tests expand the one compiled template
/// with those parameter values to see what a deployment would create.
/// </summary>
public sealed class CompiledInfrastructure
{
    private static readonly string[] s_hostings = ["cpu", "gpu"];

    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, object?>>> _parameters = new(StringComparer.Ordinal);

    public CompiledInfrastructure()
    {
        // The compiler runs are independent: start them together (each is mostly process start-up).
        var build = Task.Run(() => BicepCli.Run("build", RepositoryPaths.Of("infra", "main.bicep"), "--stdout"));
        var lint = Task.Run(() => BicepCli.Run("lint", RepositoryPaths.Of("infra", "main.bicep")));
        foreach (var hosting in s_hostings)
        {
            _ = Task.Run(() => Parameters(hosting));
        }

        Build = build.GetAwaiter().GetResult();
        Lint = lint.GetAwaiter().GetResult();
        Template = Build.ExitCode == 0
            ? JsonNode.Parse(Build.Output)!.AsObject()
            : throw new InvalidOperationException($"bicep build infra/main.bicep failed ({Build.ExitCode}): {Build.Errors}");
    }

    internal BicepRun Build { get; }

    internal BicepRun Lint { get; }

    internal JsonObject Template { get; }

    /// <summary>Parameter values infra/main.bicepparam yields for a hosting choice (compiled once per choice).</summary>
    internal IReadOnlyDictionary<string, object?> Parameters(string hosting) =>
        _parameters.GetOrAdd(hosting, h => new Lazy<IReadOnlyDictionary<string, object?>>(() => CompileParameters(h))).Value;

    /// <summary>Resources (module contents included) a deployment creates for a hosting choice, with optional parameter overrides.</summary>
    internal IReadOnlyList<DeployedResource> Deploy(string hosting, IReadOnlyDictionary<string, object?>? overrides = null)
    {
        var values = new Dictionary<string, object?>(Parameters(hosting), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in overrides ?? new Dictionary<string, object?>())
        {
            values[name] = value;
        }

        return ArmDeployment.Expand(Template, values);
    }

    private static Dictionary<string, object?> CompileParameters(string hosting)
    {
        var run = BicepCli.Run(
            new Dictionary<string, string> { ["DOGBREEDS_HOSTING"] = hosting, ["DOGBREEDS_ENV"] = "test" },
            "build-params", RepositoryPaths.Of("infra", "main.bicepparam"), "--stdout");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build-params infra/main.bicepparam (hosting {hosting}) failed ({run.ExitCode}): {run.Errors}");
        }

        var parametersJson = JsonNode.Parse(run.Output)!["parametersJson"]!.GetValue<string>();
        var parameters = JsonNode.Parse(parametersJson)!["parameters"]!.AsObject();
        var scope = new ArmScope(new Dictionary<string, object?>(), variables: null);
        return parameters.ToDictionary(p => p.Key, p => ArmValue.FromJson(p.Value!["value"], scope), StringComparer.OrdinalIgnoreCase);
    }
}
