namespace DogBreeds.Core.Features;

/// <summary>One problem found while scanning photos: its kind and a sentence naming the files involved.</summary>
public sealed record CatalogProblem(CatalogProblemKind Kind, string Message);
