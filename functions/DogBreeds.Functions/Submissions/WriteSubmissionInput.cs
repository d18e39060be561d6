namespace DogBreeds.Functions.Submissions;

/// <summary>Input of <see cref="WriteSubmission"/>: the parts in order.</summary>
public sealed record WriteSubmissionInput(string ModelVersion, IReadOnlyList<ChunkReference> Parts);
