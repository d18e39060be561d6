namespace DogBreeds.Functions.Models;

/// <summary>The <c>current</c> pointer as read: the version it names and the blob's ETag.</summary>
public sealed record ModelPointer(string Version, string ETag);
