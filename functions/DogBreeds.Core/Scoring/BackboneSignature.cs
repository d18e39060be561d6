using System.Security.Cryptography;
using System.Text;
using DogBreeds.Core.Backbones;

namespace DogBreeds.Core.Scoring;

/// <summary>
/// The identity a model records for the backbone(s) its features came from: the extractor key and one
/// SHA-256 over the manifests and model files, so a model is never scored on another backbone's features.
/// </summary>
public static class BackboneSignature
{
    /// <summary>The SHA-256 of one backbone, or of the ordered list of backbones whose features are concatenated.</summary>
    public static string Sha256(IReadOnlyList<BackboneManifest> backbones)
    {
        ArgumentNullException.ThrowIfNull(backbones);
        if (backbones.Count == 1)
        {
            return backbones[0].Sha256;
        }

        var joined = string.Join('\n', backbones.Select(b => b.Sha256));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }

    /// <summary>The SHA-256 of the backbones behind <paramref name="extractor"/>.</summary>
    public static string Sha256(FeatureExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        return Sha256(extractor.Backbones);
    }
}
