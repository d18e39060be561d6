namespace DogBreeds.Functions.Extraction;

/// <summary>One feature blob as listed: which photo it was first extracted from.</summary>
/// <param name="BlobName">Name in the <c>features</c> container.</param>
/// <param name="Sha256">SHA-256 of the photo bytes (hex).</param>
/// <param name="Path">Inbox path of the first photo with these bytes.</param>
/// <param name="Label">Breed known at extraction time, or null.</param>
public sealed record StoredFeatures(string BlobName, string Sha256, string? Path, string? Label);
