namespace DogBreeds.Functions.Models;

/// <summary>Answer of <c>GET /api/models</c>.</summary>
/// <param name="Current">The version scoring uses, or null when none is published.</param>
/// <param name="Versions">Every published version, newest first.</param>
public sealed record ModelList(string? Current, IReadOnlyList<ModelVersionInfo> Versions);
