namespace DogBreeds.Functions.Training;

/// <summary>Input of <see cref="TrainMember"/>: references only.</summary>
public sealed record TrainMemberInput(string RunId, TrainingSetReference TrainingSet, TrainingPlan Plan, int Index);
