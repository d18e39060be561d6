namespace DogBreeds.Core.Scoring;

/// <summary>
/// What the classifier says about one photo: the most likely breeds, and whether it believes it is
/// looking at a dog at all.
/// </summary>
/// <param name="Breeds">The top breeds, most likely first.</param>
/// <param name="IsDog">
/// True when <paramref name="Confidence"/> reaches <paramref name="DogThreshold"/>: the ensemble is as sure
/// of some breed as it is for most dog photos of the validation split.
/// </param>
/// <param name="Confidence">The ensemble's calibrated maximum breed probability.</param>
/// <param name="DogThreshold">The maximum-probability threshold fitted on the validation split and stored in the model.</param>
public sealed record BreedPrediction(
    IReadOnlyList<BreedProbability> Breeds,
    bool IsDog,
    double Confidence,
    double DogThreshold);
