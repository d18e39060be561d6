namespace DogBreeds.Functions.Training;

/// <summary>Custom status of a training (or bulk-scoring) orchestration: the stage and the parts done out of total.</summary>
public sealed record TrainingProgress(string Stage, int Done, int Total);
