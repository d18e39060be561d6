using System.Numerics.Tensors;
using DogBreeds.Core.Backbones;
using DogBreeds.Core.Models;

namespace DogBreeds.Core.Scoring;

/// <summary>
/// Photo in, breeds out: a feature extractor and a trained model that were made for each other.
/// Thread-safe: both parts are.
/// </summary>
public sealed class BreedClassifier
{
    /// <summary>How many breeds a prediction lists unless asked otherwise.</summary>
    public const int DefaultTop = 5;

    private readonly FeatureExtractor _extractor;

    /// <summary>Pairs <paramref name="extractor"/> with <paramref name="model"/>, refusing a model trained on other features.</summary>
    /// <exception cref="ModelFormatException">The model was trained on another backbone or feature width.</exception>
    public BreedClassifier(FeatureExtractor extractor, BreedModel model)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(model);
        var sha = BackboneSignature.Sha256(extractor);
        if (!string.Equals(model.Manifest.BackboneSha256, sha, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelFormatException(
                $"The model was trained on backbone '{model.Manifest.BackboneId}' (SHA-256 {model.Manifest.BackboneSha256}), but the extractor runs '{extractor.Key}' (SHA-256 {sha}); score with the backbone the model was trained on.");
        }

        if (model.InputDimension != extractor.Dimension)
        {
            throw new ModelFormatException(
                $"The model expects {model.InputDimension} features per photo, but backbone '{extractor.Key}' produces {extractor.Dimension}.");
        }

        _extractor = extractor;
        Model = model;
    }

    /// <summary>The model that answers.</summary>
    public BreedModel Model { get; }

    /// <summary>Runs one photo through the CNN and the ensemble.</summary>
    /// <exception cref="Images.InvalidPhotoException">The bytes are not a photo this service can read.</exception>
    public BreedPrediction Predict(ReadOnlySpan<byte> photo, string photoName, int top = DefaultTop) =>
        Predict(_extractor.Extract(photo, photoName), top);

    /// <summary>Scores features already extracted by the matching backbone.</summary>
    public BreedPrediction Predict(ReadOnlySpan<float> features, int top = DefaultTop) =>
        FromProbabilities(Model, Model.PredictProbabilities(features), top);

    /// <summary>Turns one row of calibrated probabilities into a prediction: top breeds and the dog judgement.</summary>
    public static BreedPrediction FromProbabilities(BreedModel model, ReadOnlySpan<float> probabilities, int top = DefaultTop)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var k = Math.Min(top, probabilities.Length);
        var order = new int[probabilities.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = probabilities.ToArray();
        Array.Sort(keys, order, Comparer<float>.Create(static (a, b) => b.CompareTo(a)));
        var breeds = new BreedProbability[k];
        for (var i = 0; i < k; i++)
        {
            breeds[i] = new BreedProbability(model.Classes[order[i]], probabilities[order[i]]);
        }

        var confidence = TensorPrimitives.Max(probabilities);
        return new BreedPrediction(breeds, model.IsDog(probabilities), confidence, model.NotDogThreshold);
    }
}
