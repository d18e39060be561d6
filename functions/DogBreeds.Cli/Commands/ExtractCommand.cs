using System.CommandLine;
using DogBreeds.Cli.Console;
using DogBreeds.Cli.Workflows;
using DogBreeds.Core.Features;

namespace DogBreeds.Cli.Commands;

/// <summary><c>extract</c>: the bottleneck features as CSV (label, then the values), for comparisons with other tools.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var images = CommonOptions.Images();
        var labels = CommonOptions.Labels();
        var output = new Option<FileInfo>("--out") { Description = "Features CSV to write.", Required = true };
        var command = new Command("extract", "Write the photos' features as CSV: a header, then the label and the values per photo.") { images, labels, output };
        common.AddTo(command);
        command.SetAction((result, ct) => CliRun.Guard(async () =>
        {
            var settings = common.Read(result);
            var folder = result.GetValue(images)!.FullName;
            var labelsPath = result.GetValue(labels)?.FullName;
            var report = new ProblemReport(System.Console.Error);
            IReadOnlyList<CatalogPhoto> photos;
            if (labelsPath is null && !Directory.EnumerateDirectories(folder).Any())
            {
                // A flat folder without labels: unlabelled photos, written with an empty label.
                photos = PhotoFiles.List(folder);
            }
            else
            {
                var catalog = PhotoCatalog.Scan(folder, labelsPath);
                CatalogExtraction.ReportProblems(catalog, report);
                photos = catalog.Photos;
            }

            var logger = CliLog.Create("DogBreeds.Cli");
            using var extractor = settings.CreateExtractor(logger);
            var extracted = await CatalogExtraction.ExtractAsync(extractor, photos, settings.CreateCache(logger), report, "extract", ct).ConfigureAwait(false);
            var values = new float[extracted.Photos.Count * extractor.Dimension];
            for (var i = 0; i < extracted.Results.Count; i++)
            {
                extracted.Results[i].Features.CopyTo(values.AsSpan(i * extractor.Dimension));
            }

            var outPath = result.GetValue(output)!.FullName;
            await using (var writer = new StreamWriter(outPath))
            {
                FeatureCsv.Write(writer, [.. extracted.Photos.Select(p => p.Breed ?? string.Empty)], values);
            }

            report.PrintSummary();
            System.Console.Out.WriteLine($"wrote {extracted.Photos.Count} photos x {extractor.Dimension} features ({extractor.Key}) to {outPath}");
            return 0;
        }));
        return command;
    }
}
