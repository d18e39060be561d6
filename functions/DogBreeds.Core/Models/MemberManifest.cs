using System.Text.Json.Serialization;
using DogBreeds.Core.Training;

namespace DogBreeds.Core.Models;

/// <summary>One ensemble member as described in a model manifest (its weights live in weights.bin).</summary>
/// <param name="Index">Member index (seeded from the run seed and this index).</param>
/// <param name="Loss">One-vs-rest or multinomial.</param>
/// <param name="FeatureIndices">Positions into the manifest's variance mask (kept features) this member reads.</param>
/// <param name="ClassIndices">Model class indices this member predicts (those present in its bag).</param>
/// <param name="Epochs">Epochs run.</param>
/// <param name="FinalLoss">Mean training loss of the last epoch.</param>
/// <param name="BagRows">Photos drawn into its bag.</param>
public sealed record MemberManifest(
    int Index,
    [property: JsonConverter(typeof(JsonStringEnumConverter<SgdLoss>))] SgdLoss Loss,
    int[] FeatureIndices,
    int[] ClassIndices,
    int Epochs,
    double FinalLoss,
    int BagRows);
