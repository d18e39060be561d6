namespace DogBreeds.Functions.Submissions;

/// <summary>Output of <see cref="ListTestPhotos"/>: the blob listing every <c>test/</c> photo (one path a line, sorted) and their count.</summary>
public sealed record TestPhotoList(string Blob, int Count);
