using DogBreeds.Core.Scoring;

namespace DogBreeds.Functions.Models;

/// <summary>The current model version paired with this instance's feature extractor, ready to score.</summary>
public sealed record ScoringModel(string Version, BreedClassifier Classifier);
