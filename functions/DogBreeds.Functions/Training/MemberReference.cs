namespace DogBreeds.Functions.Training;

/// <summary>Output of <see cref="TrainMember"/>: where the member is and a summary of its fit.</summary>
public sealed record MemberReference(int Index, string Blob, int BagRows, int Features, double FinalLoss);
