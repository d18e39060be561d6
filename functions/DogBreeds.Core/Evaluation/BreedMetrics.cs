namespace DogBreeds.Core.Evaluation;

/// <summary>Precision, recall and support of one breed.</summary>
/// <param name="Breed">Breed (class) name.</param>
/// <param name="Precision">Correct predictions of this breed / all predictions of it (0 when never predicted).</param>
/// <param name="Recall">Correct predictions of this breed / photos of it (0 when it has none).</param>
/// <param name="Support">Photos of this breed in the evaluated set.</param>
public sealed record BreedMetrics(string Breed, double Precision, double Recall, int Support);
