namespace DogBreeds.Functions.Extraction;

/// <summary>Record written to <c>features/_rejected/&lt;path&gt;.json</c> for a photo that can never be read.</summary>
/// <param name="Path">Inbox path of the photo.</param>
/// <param name="Problem">What is wrong (<c>PhotoProblem</c> name).</param>
/// <param name="Reason">One sentence naming the photo and the reason.</param>
/// <param name="ETag">ETag of the inbox blob that was read: a new upload at the same path is a new photo.</param>
/// <param name="RejectedAt">When it was rejected (UTC).</param>
public sealed record PhotoRejection(string Path, string Problem, string Reason, string? ETag, DateTimeOffset RejectedAt);
