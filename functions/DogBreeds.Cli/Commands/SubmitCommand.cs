using System.CommandLine;
using System.Globalization;
using DogBreeds.Cli.Console;
using DogBreeds.Cli.Workflows;

namespace DogBreeds.Cli.Commands;

/// <summary><c>submit</c>: a Kaggle submission CSV for a folder of unlabelled photos.</summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var model = CommonOptions.Model();
        var images = CommonOptions.Images();
        var output = new Option<FileInfo>("--out") { Description = "Submission CSV to write.", Required = true };
        var breeds = new Option<FileInfo>("--breeds")
        {
            Description = "Breed column order, one per line (Kaggle's 120 breeds); default: the model's classes, sorted.",
        };
        var command = new Command("submit", "Write a Kaggle submission: id, then one probability column per breed.") { model, images, output, breeds };
        common.AddTo(command);
        command.SetAction((result, ct) => CliRun.Guard(async () =>
        {
            var settings = common.Read(result);
            var folder = ModelFolder.Load(result.GetValue(model)!.FullName, common.HasBackbone(result) ? settings.BackboneReferences : null);
            var columns = result.GetValue(breeds) is { } file
                ? File.ReadLines(file.FullName).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray()
                : [.. folder.Model.Classes];
            var sheet = new SubmissionSheet(folder.Model.Classes, columns);
            var logger = CliLog.Create("DogBreeds.Cli");
            var report = new ProblemReport(System.Console.Error);
            foreach (var unknown in sheet.UnmappedClasses)
            {
                report.Add("model breeds missing from the breed list", $"The model's breed '{unknown}' is not a column of the breed list; its probability is spread over the others.");
            }

            var photos = PhotoFiles.List(result.GetValue(images)!.FullName);
            using var extractor = settings.CreateExtractor(logger, folder.Backbones);
            var extracted = await CatalogExtraction.ExtractAsync(extractor, photos, settings.CreateCache(logger), report, "extract", ct).ConfigureAwait(false);
            var scored = extracted.Photos.Select((p, i) => (p.Id, Probabilities: folder.Model.PredictProbabilities(extracted.Results[i].Features)))
                .ToDictionary(r => r.Id, r => r.Probabilities, StringComparer.Ordinal);

            var outPath = result.GetValue(output)!.FullName;
            await using (var writer = new StreamWriter(outPath))
            {
                await writer.WriteLineAsync("id," + string.Join(',', columns)).ConfigureAwait(false);
                foreach (var photo in photos)
                {
                    // A photo that could not be read still gets its row (Kaggle wants every id): the uniform guess.
                    var row = scored.TryGetValue(photo.Id, out var p) ? sheet.Map(p) : sheet.Uniform();
                    await writer.WriteLineAsync(photo.Id + "," + string.Join(',', row.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).ConfigureAwait(false);
                }
            }

            report.PrintSummary();
            System.Console.Out.WriteLine($"wrote {photos.Length} rows x {columns.Length} breeds to {outPath}");
            return 0;
        }));
        return command;
    }
}
