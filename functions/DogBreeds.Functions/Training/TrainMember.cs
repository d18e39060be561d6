using System.Globalization;
using DogBreeds.Core.Training;
using DogBreeds.Functions.Models;
using DogBreeds.Functions.Storage;
using Microsoft.Azure.Functions.Worker;

namespace DogBreeds.Functions.Training;

/// <summary>
/// Activity: one ensemble member, trained on its own sample of photos and features (seeded from the run
/// seed and its index), written as a blob; returns the reference.
/// </summary>
public sealed class TrainMember(TrainingRunData runData, ModelStore models)
{
    [Function(nameof(TrainMember))]
    public async Task<MemberReference> Run([ActivityTrigger] TrainMemberInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (data, preparation) = await runData.GetAsync(input.TrainingSet, cancellationToken);
        var member = BaggedSgdTrainer.TrainMember(data, preparation, input.Plan.ToOptions(), input.Index);
        string blob = StorageLayout.RunFolder(input.RunId) + string.Create(CultureInfo.InvariantCulture, $"member-{input.Index:D3}.bin");
        await models.WriteBlobAsync(blob, BinaryData.FromBytes(member.ToBytes()), "application/octet-stream", cancellationToken);
        return new MemberReference(input.Index, blob, member.BagRows, member.FeatureIndices.Length, member.FinalLoss);
    }
}
