using DogBreeds.Core.Scoring;

namespace DogBreeds.Functions.Scoring;

/// <summary>Answer of <c>POST /api/score</c>.</summary>
/// <param name="ModelVersion">The model version that scored the photo.</param>
/// <param name="Breeds">The top K breeds, most likely first, with calibrated probabilities.</param>
/// <param name="IsDog">Whether the photo is judged to show a dog (max probability at or over the model's threshold).</param>
/// <param name="IsDogConfidence">0.5 at the threshold .. 1 far from it (see <see cref="BreedPrediction.DogConfidence"/>).</param>
/// <param name="NotDogThreshold">The model's threshold on the highest breed probability.</param>
public sealed record ScoreAnswer(
    string ModelVersion,
    IReadOnlyList<BreedProbability> Breeds,
    bool IsDog,
    double IsDogConfidence,
    double NotDogThreshold)
{
    /// <summary>Builds the answer from a prediction.</summary>
    public static ScoreAnswer From(string modelVersion, BreedPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return new ScoreAnswer(modelVersion, prediction.Top, prediction.IsDog, prediction.DogConfidence, prediction.NotDogThreshold);
    }
}
