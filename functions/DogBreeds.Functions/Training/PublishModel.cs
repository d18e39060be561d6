using DogBreeds.Core.Backbones;
using DogBreeds.Core.Scoring;
using DogBreeds.Core.Training;
using DogBreeds.Functions.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace DogBreeds.Functions.Training;

/// <summary>
/// Activity (fan-in): members -> calibrated ensemble with its not-dog threshold and validation metrics,
/// written as a new version and made current.
/// </summary>
public sealed partial class PublishModel(TrainingRunData runData, ModelStore models, FeatureExtractor extractor, ILogger<PublishModel> logger)
{
    [Function(nameof(PublishModel))]
    public async Task<TrainingResult> Run([ActivityTrigger] PublishModelInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (data, preparation) = await runData.GetAsync(input.TrainingSet, cancellationToken);
        var members = new EnsembleMember[input.Members.Count];
        for (int i = 0; i < members.Length; i++)
        {
            members[i] = EnsembleMember.FromBytes((await models.ReadBlobAsync(input.Members[i].Blob, cancellationToken)).ToArray());
        }

        var model = BaggedSgdTrainer.Assemble(
            data, preparation, input.Plan.ToOptions(), members, input.Plan.BackboneKey, BackboneSignature.Sha256(extractor), input.CreatedAt);
        var metrics = model.Manifest.Metrics;
        var info = new ModelVersionInfo(
            input.Version,
            input.CreatedAt,
            input.Plan.BackboneKey,
            model.Classes,
            preparation.TrainRows.Length,
            preparation.ValidationRows.Length,
            metrics?.Accuracy ?? double.NaN,
            metrics?.LogLoss ?? double.NaN,
            metrics?.Top3 ?? double.NaN,
            metrics?.Top5 ?? double.NaN,
            model.NotDogThreshold,
            members.Length,
            input.RunId);

        await models.WriteVersionAsync(info, model, cancellationToken);
        await models.SetCurrentAsync(input.Version, cancellationToken);
        LogPublished(input.Version, info.Accuracy, info.ValidationPhotos);
        return new TrainingResult(
            input.Version, info.Accuracy, info.LogLoss, info.Top3, info.Top5, info.ValidationPhotos, info.NotDogThreshold, input.TrainingSet);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published model {Version}: validation accuracy {Accuracy:P1} on {Photos} photos")]
    private partial void LogPublished(string version, double accuracy, int photos);
}
