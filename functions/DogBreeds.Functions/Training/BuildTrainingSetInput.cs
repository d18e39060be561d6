namespace DogBreeds.Functions.Training;

/// <summary>Input of <see cref="BuildTrainingSet"/>.</summary>
public sealed record BuildTrainingSetInput(string RunId, TrainingPlan Plan);
