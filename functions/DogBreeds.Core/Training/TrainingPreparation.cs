using System.Text.Json;

namespace DogBreeds.Core.Training;

/// <summary>
/// What every ensemble member shares, computed once by <see cref="BaggedSgdTrainer.Prepare"/>: the
/// stratified train/validation split (row indices into the prepared data), the variance mask and the
/// standardisation of the kept features. A JSON-serialisable message, so that a durable orchestration can
/// hand it to one activity per member.
/// </summary>
/// <param name="Rows">Rows of the prepared data (a check that members get the same data).</param>
/// <param name="Columns">Feature columns of the prepared data.</param>
/// <param name="Classes">Class names of the prepared data.</param>
/// <param name="LabelsFingerprint">FNV-1a hash of the labels, hex (a check that members get the same data).</param>
/// <param name="KeptFeatures">Variance mask: the indices of the input columns kept, ascending.</param>
/// <param name="Means">Mean of each kept feature over the training rows (0 when not standardising).</param>
/// <param name="Scales">1 / standard deviation of each kept feature (1 when not standardising).</param>
/// <param name="TrainRows">Rows the members train on, ascending.</param>
/// <param name="ValidationRows">Rows held out for calibration and the not-dog threshold, ascending.</param>
public sealed record TrainingPreparation(
    int Rows,
    int Columns,
    IReadOnlyList<string> Classes,
    string LabelsFingerprint,
    int[] KeptFeatures,
    float[] Means,
    float[] Scales,
    int[] TrainRows,
    int[] ValidationRows)
{
    /// <summary>UTF-8 JSON of this preparation.</summary>
    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    /// <summary>Reads <see cref="ToJsonBytes"/> output.</summary>
    public static TrainingPreparation FromJsonBytes(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<TrainingPreparation>(json) ?? throw new JsonException("Training preparation JSON is null.");

    /// <summary>FNV-1a 64-bit hash of the labels, as 16 hex digits.</summary>
    internal static string Fingerprint(int[] labels)
    {
        var hash = 14695981039346656037UL;
        foreach (var label in labels)
        {
            hash = (hash ^ (uint)label) * 1099511628211UL;
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
