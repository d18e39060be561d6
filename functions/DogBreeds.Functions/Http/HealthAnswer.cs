namespace DogBreeds.Functions.Http;

/// <summary>Answer of <c>GET /api/health</c>.</summary>
/// <param name="Status">Always <c>healthy</c> on a 200.</param>
/// <param name="ModelVersion">The current model version, or null when none is published yet.</param>
public sealed record HealthAnswer(string Status, string? ModelVersion);
