using System.Text.Json;
using DogBreeds.Core.Backbones;
using DogBreeds.Core.Models;
using DogBreeds.Core.Scoring;

namespace DogBreeds.Cli.Workflows;

/// <summary>
/// A model as the CLI keeps it: the core's model files, plus which backbones to load for it
/// (<c>backbones.json</c>) and the SHA-256 of every training photo (<c>training-photos.txt</c>), so
/// evaluation can leave out photos the model was trained on.
/// </summary>
internal sealed record ModelFolder(BreedModel Model, IReadOnlyList<BackboneManifest> Backbones, IReadOnlySet<string> TrainingPhotos)
{
    public const string BackbonesFileName = "backbones.json";
    public const string TrainingPhotosFileName = "training-photos.txt";

    /// <summary>Writes the model and its companions to <paramref name="directory"/>.</summary>
    public static void Save(string directory, BreedModel model, IReadOnlyList<string> backboneReferences, IEnumerable<string> trainingPhotoHashes)
    {
        model.Save(directory);
        File.WriteAllText(Path.Combine(directory, BackbonesFileName), JsonSerializer.Serialize(backboneReferences));
        File.WriteAllLines(Path.Combine(directory, TrainingPhotosFileName), trainingPhotoHashes.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Loads the model in <paramref name="directory"/> with the backbones it was trained on
    /// (<paramref name="backboneOverride"/> replaces the recorded ones), refusing a mismatch with a sentence.
    /// </summary>
    public static ModelFolder Load(string directory, IReadOnlyList<string>? backboneOverride = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Model folder '{directory}' does not exist.");
        }

        var references = backboneOverride is { Count: > 0 } ? backboneOverride : ReadReferences(directory);
        var backbones = references.Select(BackboneManifest.Resolve).ToArray();
        var model = BreedModel.Load(directory, BackboneSignature.Sha256(backbones));
        var hashesPath = Path.Combine(directory, TrainingPhotosFileName);
        var hashes = File.Exists(hashesPath)
            ? File.ReadLines(hashesPath).Where(l => l.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        return new ModelFolder(model, backbones, hashes);
    }

    private static string[] ReadReferences(string directory)
    {
        var path = Path.Combine(directory, BackbonesFileName);
        if (!File.Exists(path))
        {
            // A model folder made by another tool: its manifest names the backbone(s) by id.
            return BreedModel.Load(directory).Manifest.BackboneId.Split('+').Where(id => id != "flip").ToArray();
        }

        return JsonSerializer.Deserialize<string[]>(File.ReadAllText(path)) is { Length: > 0 } refs
            ? refs
            : throw new ModelFormatException($"Model folder '{directory}' names no backbone in {BackbonesFileName}.");
    }
}
