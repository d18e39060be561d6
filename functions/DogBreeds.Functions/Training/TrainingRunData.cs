using DogBreeds.Core.Features;
using DogBreeds.Core.Training;
using DogBreeds.Functions.Models;

namespace DogBreeds.Functions.Training;

/// <summary>
/// The data set and preparation of a run, read from blobs once per instance (singleton): the member
/// activities of one run that land on the same instance share one copy.
/// </summary>
public sealed class TrainingRunData(ModelStore models)
{
    private readonly Lock _lock = new();
    private (string DataBlob, Task<(LabelledFeatures Data, TrainingPreparation Preparation)> Load)? _last;

    /// <summary>The data set and preparation a reference points to.</summary>
    public Task<(LabelledFeatures Data, TrainingPreparation Preparation)> GetAsync(TrainingSetReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        lock (_lock)
        {
            if (_last is { } last && last.DataBlob == reference.DataBlob && !last.Load.IsFaulted && !last.Load.IsCanceled)
            {
                return last.Load.WaitAsync(cancellationToken);
            }

            var load = LoadAsync(reference);
            _last = (reference.DataBlob, load);
            return load.WaitAsync(cancellationToken);
        }
    }

    private async Task<(LabelledFeatures, TrainingPreparation)> LoadAsync(TrainingSetReference reference)
    {
        var data = TrainingSetCodec.Decode((await models.ReadBlobAsync(reference.DataBlob, CancellationToken.None)).ToMemory().Span, reference.DataBlob);
        var preparation = TrainingPreparation.FromJsonBytes((await models.ReadBlobAsync(reference.PreparationBlob, CancellationToken.None)).ToMemory().Span);
        return (data, preparation);
    }
}
