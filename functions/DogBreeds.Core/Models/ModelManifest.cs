using DogBreeds.Core.Evaluation;
using DogBreeds.Core.Training;

namespace DogBreeds.Core.Models;

/// <summary>
/// manifest.json of a saved model (camelCase JSON). The float parameters (standardisation, member weights)
/// live in weights.bin, whose SHA-256 is recorded here.
/// </summary>
/// <param name="FormatVersion">Model folder format; a build refuses versions newer than <see cref="BreedModel.CurrentFormatVersion"/>.</param>
/// <param name="Classes">Breeds, sorted ordinally: the order of every probability vector.</param>
/// <param name="BackboneId">Id of the backbone whose features the model was trained on (e.g. "resnet18").</param>
/// <param name="BackboneSha256">SHA-256 of that backbone's manifest: loading with another backbone fails.</param>
/// <param name="InputDimension">Length of the feature vectors the model takes.</param>
/// <param name="VarianceMask">Indices of the input features kept by the variance threshold, ascending.</param>
/// <param name="Members">Ensemble members.</param>
/// <param name="Temperature">Calibration temperature fitted on the validation split (1 = none).</param>
/// <param name="NotDogThreshold">A photo is a dog when its calibrated max probability is at or above this.</param>
/// <param name="Options">Training options used (the seed included).</param>
/// <param name="Seed">Run seed.</param>
/// <param name="Metrics">Metrics on the validation split, when there was one.</param>
/// <param name="CreatedUtc">When the model was assembled.</param>
/// <param name="WeightsSha256">SHA-256 of weights.bin, hex.</param>
public sealed record ModelManifest(
    int FormatVersion,
    IReadOnlyList<string> Classes,
    string BackboneId,
    string BackboneSha256,
    int InputDimension,
    int[] VarianceMask,
    IReadOnlyList<MemberManifest> Members,
    double Temperature,
    double NotDogThreshold,
    TrainingOptions Options,
    int Seed,
    EvaluationReport? Metrics,
    DateTimeOffset CreatedUtc,
    string WeightsSha256);
