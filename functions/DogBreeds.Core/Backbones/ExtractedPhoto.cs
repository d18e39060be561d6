namespace DogBreeds.Core.Backbones;

/// <summary>The outcome for one photo of <see cref="FeatureExtractor.ExtractAllAsync"/>.</summary>
/// <param name="Name">The photo's name as given.</param>
/// <param name="Sha256">SHA-256 of the photo's bytes (lower-case hex); empty when they could not be read.</param>
/// <param name="Features">The feature vector, or null when the photo failed.</param>
/// <param name="Error">One sentence saying why the photo failed, or null.</param>
/// <param name="FromCache">True when the features came from the cache (or from an identical photo earlier in the run).</param>
public sealed record ExtractedPhoto(string Name, string Sha256, float[]? Features, string? Error, bool FromCache);
