namespace DogBreeds.Functions.Tests.Infrastructure;

/// <summary>One answer of the scoring function, kept by the fixture.</summary>
public sealed record PhotoScore(string Photo, string? Expected, string Top1, double MaxProbability, bool IsDog, string ModelVersion);
