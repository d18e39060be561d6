using DogBreeds.Core.Backbones;
using DogBreeds.Core.Features;
using DogBreeds.Core.Images;
using Microsoft.Extensions.Logging;

namespace DogBreeds.Cli.Workflows;

/// <summary>What every command that runs the CNN shares: backbones, execution provider, feature cache.</summary>
internal sealed record CliSettings(IReadOnlyList<string> BackboneReferences, ExecutionProvider Provider, string? CacheDirectory, bool NoCache)
{
    /// <summary>The cache the options ask for, or null with <c>--no-cache</c>.</summary>
    public IFeatureCache? CreateCache(ILogger logger) =>
        NoCache ? null : new FolderFeatureCache(CacheDirectory ?? FolderFeatureCache.DefaultDirectory, logger);

    /// <summary>An extractor over <paramref name="backbones"/> (or the ones named by the options).</summary>
    public FeatureExtractor CreateExtractor(ILogger logger, IReadOnlyList<BackboneManifest>? backbones = null) =>
        FeatureExtractor.Create(backbones ?? [.. BackboneReferences.Select(BackboneManifest.Resolve)], Provider, new PhotoLimits(), logger);
}
