namespace DogBreeds.Functions.Submissions;

/// <summary>Input of <see cref="ScoreTestChunk"/>: lines [Start, Start + Count) of the photo list, scored into <see cref="PartBlob"/>.</summary>
public sealed record ScoreChunkInput(string ModelVersion, string ListBlob, int Start, int Count, string PartBlob);
