namespace DogBreeds.Core;

/// <summary>Temporary anchor type until the pipeline lands.</summary>
public static class Placeholder;
