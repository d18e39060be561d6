namespace DogBreeds.Functions.Training;

/// <summary>Input of <see cref="PublishModel"/>: references to the data and the members, and the version to publish.</summary>
public sealed record PublishModelInput(string RunId, TrainingSetReference TrainingSet, TrainingPlan Plan, IReadOnlyList<MemberReference> Members, string Version, DateTimeOffset CreatedAt);
