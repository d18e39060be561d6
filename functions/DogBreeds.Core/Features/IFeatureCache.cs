using System.Diagnostics.CodeAnalysis;

namespace DogBreeds.Core.Features;

/// <summary>
/// Feature vectors kept by (extractor key, SHA-256 of the photo's bytes), so that a photo goes
/// through the CNN once whatever its name. Implementations are thread-safe.
/// </summary>
public interface IFeatureCache
{
    /// <summary>Looks up the vector of the photo with hash <paramref name="sha256"/> under extractor <paramref name="key"/>.</summary>
    bool TryGet(string key, string sha256, [NotNullWhen(true)] out float[]? features);

    /// <summary>Stores (or replaces) a vector.</summary>
    void Put(string key, string sha256, float[] features);
}
