namespace DogBreeds.Functions.Training;

/// <summary>
/// Output of <see cref="BuildTrainingSet"/>: where the data set and the shared preparation are, and what went
/// into them. Photos that could not be used are counted and named (the first <see cref="MaxNamed"/>; the full
/// lists are in <see cref="ProblemsBlob"/>).
/// </summary>
/// <param name="DataBlob">Data set blob in <c>models</c> (all labelled rows, <see cref="TrainingSetCodec"/>).</param>
/// <param name="PreparationBlob">The trainer's preparation (split, variance mask, scaling) as JSON.</param>
/// <param name="ProblemsBlob">Text blob listing every photo left out, with the reason.</param>
/// <param name="Photos">Rows in the data set.</param>
/// <param name="Classes">Breeds, sorted.</param>
/// <param name="TrainingRows">Rows the members train on.</param>
/// <param name="ValidationRows">Rows held out for calibration and metrics.</param>
/// <param name="MissingFeatures">Labelled photos with no feature blob yet (not extracted, or extraction failing).</param>
/// <param name="MissingExamples">The first of them, by path.</param>
/// <param name="Unlabelled">Photos under <c>train/</c> without a breed (no folder, no labels.csv row).</param>
/// <param name="UnlabelledExamples">The first of them, by path.</param>
/// <param name="Rejected">Photos recorded under <c>features/_rejected/</c>.</param>
/// <param name="Duplicates">Photos whose bytes repeat an earlier path (the first path is kept).</param>
public sealed record TrainingSetReference(
    string DataBlob,
    string PreparationBlob,
    string ProblemsBlob,
    int Photos,
    IReadOnlyList<string> Classes,
    int TrainingRows,
    int ValidationRows,
    int MissingFeatures,
    IReadOnlyList<string> MissingExamples,
    int Unlabelled,
    IReadOnlyList<string> UnlabelledExamples,
    int Rejected,
    int Duplicates)
{
    /// <summary>Photos named per problem in this record.</summary>
    public const int MaxNamed = 20;
}
