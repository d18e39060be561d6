using System.Text;
using DogBreeds.Core.Backbones;
using DogBreeds.Core.Features;

namespace DogBreeds.Functions.Hosting;

/// <summary>The backbone identity recorded in a model: the extractor key and the SHA-256 of its manifest(s).</summary>
public static class BackboneIdentity
{
    /// <summary>The manifest SHA-256 of a single backbone, or the SHA-256 of the '+'-joined hashes of a chain.</summary>
    public static string Sha256(FeatureExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        return extractor.Backbones.Count == 1
            ? extractor.Backbones[0].Sha256
            : PhotoHash.Sha256Hex(Encoding.UTF8.GetBytes(string.Join('+', extractor.Backbones.Select(b => b.Sha256))));
    }
}
