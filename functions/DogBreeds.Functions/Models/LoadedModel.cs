using DogBreeds.Core.Models;

namespace DogBreeds.Functions.Models;

/// <summary>A model version held in memory by this instance.</summary>
public sealed record LoadedModel(string Version, BreedModel Model);
