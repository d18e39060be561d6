using System.Text.Json;
using System.Text.Json.Serialization;

namespace DogBreeds.Core.Evaluation;

/// <summary>
/// Quality of a model on a labelled set of photos. Serialises with System.Text.Json as camelCase
/// (accuracy, logLoss, top3, top5, count, perBreed, confusion, notDogAuroc, classes).
/// </summary>
/// <param name="Accuracy">Fraction of photos whose most probable breed is right.</param>
/// <param name="LogLoss">Multi-class log loss as Kaggle defines it (see <see cref="MultiClassLogLoss"/>).</param>
/// <param name="Top3">Fraction of photos whose breed is among the 3 most probable.</param>
/// <param name="Top5">Fraction of photos whose breed is among the 5 most probable.</param>
/// <param name="Count">Photos evaluated.</param>
/// <param name="PerBreed">Precision, recall and support per breed, in class order.</param>
/// <param name="Confusion">Confusion[actual][predicted] counts, in class order.</param>
/// <param name="NotDogAuroc">AUROC of the max-probability rule separating dogs from not-dog photos, when not-dogs were given.</param>
/// <param name="Classes">Class names, the order of <paramref name="PerBreed"/> and <paramref name="Confusion"/>.</param>
public sealed record EvaluationReport(
    double Accuracy,
    double LogLoss,
    double Top3,
    double Top5,
    int Count,
    IReadOnlyList<BreedMetrics> PerBreed,
    int[][] Confusion,
    double? NotDogAuroc,
    IReadOnlyList<string> Classes)
{
    /// <summary>The JSON options of the report: camelCase, nulls omitted.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>This report as camelCase JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads <see cref="ToJson"/> output.</summary>
    public static EvaluationReport FromJson(string json) =>
        JsonSerializer.Deserialize<EvaluationReport>(json, JsonOptions) ?? throw new JsonException("Evaluation report JSON is null.");
}
