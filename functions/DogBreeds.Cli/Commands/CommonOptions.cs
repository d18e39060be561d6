using System.CommandLine;
using DogBreeds.Cli.Workflows;
using DogBreeds.Core.Backbones;

namespace DogBreeds.Cli.Commands;

/// <summary>Options shared by the commands that run the CNN.</summary>
internal sealed class CommonOptions
{
    public Option<string[]> Backbone { get; } = new("--backbone")
    {
        Description = "Backbone: 'resnet18' (built in) or a backbone manifest JSON; repeat to concatenate several backbones' features.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<ExecutionProvider> Provider { get; } = new("--provider")
    {
        Description = "ONNX Runtime execution provider: auto (CUDA when it loads, else CPU), cpu or cuda.",
        DefaultValueFactory = _ => ExecutionProvider.Auto,
    };

    public Option<string> Cache { get; } = new("--cache")
    {
        Description = "Feature cache folder (default: the user's cache folder, ~/.cache/dogbreeds).",
    };

    public Option<bool> NoCache { get; } = new("--no-cache")
    {
        Description = "Neither read nor write the feature cache.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Backbone);
        command.Options.Add(Provider);
        command.Options.Add(Cache);
        command.Options.Add(NoCache);
    }

    /// <summary>The settings the parse result carries; <paramref name="defaultBackbones"/> when no --backbone was given.</summary>
    public CliSettings Read(ParseResult result, IReadOnlyList<string>? defaultBackbones = null)
    {
        var backbones = result.GetValue(Backbone) is { Length: > 0 } given
            ? given.SelectMany(b => b.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray()
            : defaultBackbones ?? [BackboneManifest.BuiltInResNet18];
        return new CliSettings(backbones, result.GetValue(Provider), result.GetValue(Cache), result.GetValue(NoCache));
    }

    /// <summary>Whether --backbone was given at all (commands over a saved model otherwise take the model's).</summary>
    public bool HasBackbone(ParseResult result) => result.GetValue(Backbone) is { Length: > 0 };

    public static Option<DirectoryInfo> Images(bool required = true) => new("--images")
    {
        Description = "Photo folder: folder-per-breed (DIR/<breed>/*.jpg), or flat with --labels.",
        Required = required,
    };

    public static Option<FileInfo> Labels() => new("--labels")
    {
        Description = "Kaggle labels CSV (id,breed; id is the file name without extension) for a flat photo folder.",
    };

    public static Option<DirectoryInfo> Model() => new("--model")
    {
        Description = "Model folder written by 'train'.",
        Required = true,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print exactly one JSON object on standard output.",
    };
}
