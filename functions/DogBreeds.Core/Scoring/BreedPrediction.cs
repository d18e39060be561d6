namespace DogBreeds.Core.Scoring;

/// <summary>
/// What a model says about one photo: the most likely breeds and whether it is a dog at all.
/// </summary>
/// <param name="Top">The most likely breeds, most likely first.</param>
/// <param name="IsDog">
/// True when the highest breed probability reaches the model's not-dog threshold (fitted by the trainer on
/// the validation split, so that a set share of dog photos pass). A photo of something else usually spreads
/// its probability over several breeds and falls below it.
/// </param>
/// <param name="DogConfidence">
/// How sure the judgement is, from 0.5 (max probability at the threshold) to 1 (max probability 1 for a dog,
/// 0 for a not-dog), linear on each side of the threshold.
/// </param>
/// <param name="MaxProbability">The highest breed probability.</param>
/// <param name="NotDogThreshold">The model's threshold on <paramref name="MaxProbability"/>.</param>
public sealed record BreedPrediction(
    IReadOnlyList<BreedProbability> Top,
    bool IsDog,
    double DogConfidence,
    double MaxProbability,
    double NotDogThreshold);
