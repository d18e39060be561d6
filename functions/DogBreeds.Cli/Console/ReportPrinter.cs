using DogBreeds.Core.Evaluation;

namespace DogBreeds.Cli.Console;

/// <summary>Prints an evaluation report as plain-text tables.</summary>
internal static class ReportPrinter
{
    public static void Print(EvaluationReport report, TextWriter writer)
    {
        writer.WriteLine($"photos      {report.Count}");
        writer.WriteLine($"accuracy    {report.Accuracy:F4}");
        writer.WriteLine($"log loss    {report.LogLoss:F4}");
        writer.WriteLine($"top-3       {report.Top3:F4}");
        writer.WriteLine($"top-5       {report.Top5:F4}");
        if (report.NotDogAuroc is { } auroc)
        {
            writer.WriteLine($"not-dog AUROC (max-probability rule) {auroc:F4}");
        }

        writer.WriteLine();
        var width = Math.Max(5, report.PerBreed.Max(b => b.Breed.Length));
        writer.WriteLine($"{"breed".PadRight(width)}  precision  recall  photos");
        foreach (var breed in report.PerBreed)
        {
            writer.WriteLine($"{breed.Breed.PadRight(width)}  {breed.Precision,9:F3}  {breed.Recall,6:F3}  {breed.Support,6}");
        }

        writer.WriteLine();
        writer.WriteLine("confusion (rows: true breed, columns: predicted, in the order above)");
        for (var i = 0; i < report.Confusion.Length; i++)
        {
            writer.WriteLine($"{report.Classes[i].PadRight(width)}  {string.Join(' ', report.Confusion[i].Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(3)))}");
        }
    }
}
