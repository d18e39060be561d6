namespace DogBreeds.Core.Scoring;

/// <summary>One breed and the ensemble's calibrated probability for it.</summary>
public sealed record BreedProbability(string Breed, double Probability);
