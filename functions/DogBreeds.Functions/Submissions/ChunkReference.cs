namespace DogBreeds.Functions.Submissions;

/// <summary>Output of <see cref="ScoreTestChunk"/>: the partial CSV (rows only), its row count, and photos that could not be read.</summary>
/// <param name="PartBlob">Partial CSV blob in <c>models</c>.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Extracted">Photos that went through the CNN (the rest had feature blobs already).</param>
/// <param name="Unreadable">Photos that could not be read; their rows hold the uniform distribution.</param>
public sealed record ChunkReference(string PartBlob, int Rows, int Extracted, IReadOnlyList<string> Unreadable);
