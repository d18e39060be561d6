namespace DogBreeds.Functions.Submissions;

/// <summary>Input of the bulk-scoring orchestration: the model version fixed at start and the chunk size.</summary>
public sealed record SubmissionJob(string ModelVersion, int ChunkSize);
