using DogBreeds.Core.Scoring;

namespace DogBreeds.Functions.Scoring;

/// <summary>Answer of <c>POST /api/score</c>.</summary>
/// <param name="ModelVersion">The model version that scored the photo.</param>
/// <param name="Breeds">The top K breeds, most likely first, with calibrated probabilities.</param>
/// <param name="IsDog">
/// Whether the photo is judged to show a dog: its highest breed probability reaches the model's
/// <paramref name="NotDogThreshold"/> (fitted by the trainer so that 95% of validation dog photos pass).
/// </param>
/// <param name="IsDogConfidence">
/// How sure that judgement is: 0.5 when the highest probability sits on the threshold, rising linearly to 1
/// at probability 1 (for a dog) or 0 (for a not-dog).
/// </param>
/// <param name="MaxProbability">The highest breed probability.</param>
/// <param name="NotDogThreshold">The model's threshold on the highest breed probability.</param>
public sealed record ScoreAnswer(
    string ModelVersion,
    IReadOnlyList<BreedProbability> Breeds,
    bool IsDog,
    double IsDogConfidence,
    double MaxProbability,
    double NotDogThreshold)
{
    /// <summary>Builds the answer from a prediction.</summary>
    public static ScoreAnswer From(string modelVersion, BreedPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return new ScoreAnswer(
            modelVersion,
            prediction.Breeds,
            prediction.IsDog,
            DogConfidence(prediction.Confidence, prediction.DogThreshold, prediction.IsDog),
            prediction.Confidence,
            prediction.DogThreshold);
    }

    /// <summary>0.5 at the threshold, 1 at the far end of the side the judgement falls on.</summary>
    public static double DogConfidence(double maxProbability, double threshold, bool isDog)
    {
        if (isDog)
        {
            return threshold >= 1 ? 1 : 0.5 + (0.5 * Math.Clamp((maxProbability - threshold) / (1 - threshold), 0, 1));
        }

        return threshold <= 0 ? 1 : 0.5 + (0.5 * Math.Clamp((threshold - maxProbability) / threshold, 0, 1));
    }
}
