using DogBreeds.Core.Backbones;
using DogBreeds.Core.Models;

namespace DogBreeds.Core.Scoring;

/// <summary>
/// Photo -> breeds: the backbone's features through the model, ranked, with the not-dog judgement.
/// Stateless over an immutable model, so one instance serves concurrent requests.
/// </summary>
public sealed class BreedClassifier
{
    private readonly BreedModel _model;

    /// <summary>Wraps a trained model.</summary>
    public BreedClassifier(BreedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>The model's breeds, sorted (the Kaggle submission column order).</summary>
    public IReadOnlyList<string> Classes => _model.Classes;

    /// <summary>Runs a photo through <paramref name="extractor"/> and the model.</summary>
    /// <exception cref="Images.InvalidPhotoException">The photo cannot be read.</exception>
    public BreedPrediction PredictPhoto(FeatureExtractor extractor, ReadOnlySpan<byte> photo, string photoName, int top)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        return Predict(extractor.Extract(photo, photoName), top);
    }

    /// <summary>Ranks the breeds for one feature vector.</summary>
    public BreedPrediction Predict(ReadOnlySpan<float> features, int top)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        float[] probabilities = _model.PredictProbabilities(features);
        int[] order = Enumerable.Range(0, probabilities.Length).ToArray();
        Array.Sort(order, (a, b) => probabilities[b] != probabilities[a]
            ? probabilities[b].CompareTo(probabilities[a])
            : string.CompareOrdinal(_model.Classes[a], _model.Classes[b]));

        var ranked = order.Take(Math.Min(top, order.Length))
            .Select(i => new BreedProbability(_model.Classes[i], probabilities[i]))
            .ToArray();

        double max = probabilities.Length == 0 ? 0 : probabilities[order[0]];
        double threshold = _model.NotDogThreshold;
        bool isDog = max >= threshold;
        return new BreedPrediction(ranked, isDog, DogConfidence(max, threshold, isDog), max, threshold);
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
