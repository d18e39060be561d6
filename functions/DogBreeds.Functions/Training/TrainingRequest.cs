using DogBreeds.Core.Training;

namespace DogBreeds.Functions.Training;

/// <summary>
/// Optional JSON body of <c>POST /api/train</c>; every field left out takes the <see cref="TrainingOptions"/>
/// default. <c>backbone</c> names the features to train on and must be the key the app extracts with.
/// </summary>
public sealed record TrainingRequest(
    string? Backbone = null,
    int? Estimators = null,
    double? MaxSamples = null,
    double? MaxFeatures = null,
    double? Alpha = null,
    int? Epochs = null,
    double? ValidationFraction = null,
    int? Seed = null);
