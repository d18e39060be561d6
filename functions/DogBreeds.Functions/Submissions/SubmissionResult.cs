namespace DogBreeds.Functions.Submissions;

/// <summary>Output of the bulk-scoring orchestration.</summary>
/// <param name="ModelVersion">The model that scored the photos.</param>
/// <param name="Blob">The Kaggle submission in <c>models</c> (<c>&lt;version&gt;/submission.csv</c>).</param>
/// <param name="Rows">Photos scored.</param>
/// <param name="Unreadable">Photos that could not be read (uniform rows), named.</param>
public sealed record SubmissionResult(string ModelVersion, string Blob, int Rows, IReadOnlyList<string> Unreadable);
