using DogBreeds.Core.Training;

namespace DogBreeds.Functions.Training;

/// <summary>
/// The orchestration's input: the request with every value resolved, so that the run does not depend on
/// defaults changing between replays or deployments.
/// </summary>
public sealed record TrainingPlan(
    string BackboneKey,
    int Estimators,
    double MaxSamples,
    double MaxFeatures,
    double Alpha,
    int Epochs,
    double ValidationFraction,
    int Seed)
{
    /// <summary>Resolves a request against the defaults; throws <see cref="ArgumentException"/> with a sentence for a bad value.</summary>
    public static TrainingPlan Resolve(TrainingRequest request, string backboneKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Backbone is not null && !string.Equals(request.Backbone, backboneKey, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The backbone '{request.Backbone}' has no features here: this app extracts with '{backboneKey}' (setting DogBreeds:Backbone).",
                nameof(request));
        }

        var defaults = new TrainingOptions();
        var plan = new TrainingPlan(
            backboneKey,
            request.Estimators ?? defaults.Estimators,
            request.MaxSamples ?? defaults.MaxSamples,
            request.MaxFeatures ?? defaults.MaxFeatures,
            request.Alpha ?? defaults.Alpha,
            request.Epochs ?? defaults.Epochs,
            request.ValidationFraction ?? defaults.ValidationFraction,
            request.Seed ?? defaults.Seed);
        plan.ToOptions();
        return plan;
    }

    /// <summary>The core's options for this plan, validated.</summary>
    public TrainingOptions ToOptions()
    {
        var options = new TrainingOptions
        {
            Estimators = Estimators,
            MaxSamples = MaxSamples,
            MaxFeatures = MaxFeatures,
            Alpha = Alpha,
            Epochs = Epochs,
            ValidationFraction = ValidationFraction,
            Seed = Seed,
        };
        options.Validate();
        return options;
    }
}
