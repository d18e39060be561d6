namespace DogBreeds.Core.Features;

/// <summary>A photo found by <see cref="PhotoCatalog.Scan"/>.</summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="Id">File name without extension.</param>
/// <param name="Breed">Its breed, or null when it has no label.</param>
public sealed record CatalogPhoto(string Path, string Id, string? Breed);
