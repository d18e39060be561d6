namespace DogBreeds.Functions.Http;

/// <summary>The body of every error answer: one sentence naming the thing and the reason.</summary>
/// <param name="Error">The sentence.</param>
/// <param name="Status">The HTTP status code, repeated for clients that only keep the body.</param>
public sealed record ErrorAnswer(string Error, int Status);
