using System.CommandLine;
using System.Text.Json;
using DogBreeds.Cli.Console;
using DogBreeds.Cli.Workflows;
using DogBreeds.Core.Evaluation;
using DogBreeds.Core.Features;

namespace DogBreeds.Cli.Commands;

/// <summary><c>evaluate</c>: a model against labelled photos it was not trained on, optionally with not-dog photos.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var model = CommonOptions.Model();
        var images = CommonOptions.Images();
        var labels = CommonOptions.Labels();
        var json = CommonOptions.Json();
        var notDogs = new Option<DirectoryInfo>("--not-dogs")
        {
            Description = "Folder of photos of other things: reports the AUROC of the max-probability rule separating them from the dogs.",
        };
        var command = new Command("evaluate", "Accuracy, log loss, top-3/5, per-breed precision and recall of a model on labelled photos.")
        {
            model, images, labels, json, notDogs,
        };
        common.AddTo(command);
        command.SetAction((result, ct) => CliRun.Guard(async () =>
        {
            var settings = common.Read(result);
            var folder = ModelFolder.Load(result.GetValue(model)!.FullName, common.HasBackbone(result) ? settings.BackboneReferences : null);
            var logger = CliLog.Create("DogBreeds.Cli");
            var report = new ProblemReport(System.Console.Error);
            var catalog = PhotoCatalog.Scan(result.GetValue(images)!.FullName, result.GetValue(labels)?.FullName, folder.Model.Classes);
            CatalogExtraction.ReportProblems(catalog, report);
            using var extractor = settings.CreateExtractor(logger, folder.Backbones);
            var cache = settings.CreateCache(logger);
            var extracted = await CatalogExtraction.ExtractAsync(extractor, [.. catalog.Labelled], cache, report, "extract", ct).ConfigureAwait(false);
            var unseen = extracted.Where((photo, features) =>
            {
                if (!folder.TrainingPhotos.Contains(features.Sha256))
                {
                    return true;
                }

                report.Add("photos also in the training set (left out)", $"Photo '{photo.Path}' was in the training set, so it is left out of the evaluation.");
                return false;
            });

            LabelledFeatures? notDogFeatures = null;
            if (result.GetValue(notDogs) is { } others)
            {
                var otherPhotos = PhotoFiles.List(others.FullName);
                var notDogExtracted = await CatalogExtraction.ExtractAsync(extractor, otherPhotos, cache, report, "not-dogs", ct).ConfigureAwait(false);
                notDogFeatures = LabelledFeatures.Create(
                    [.. notDogExtracted.Photos.Select((p, i) => (p.Id, folder.Model.Classes[0], notDogExtracted.Results[i].Features!))],
                    folder.Model.Classes);
            }

            report.PrintSummary();
            if (unseen.Photos.Count == 0)
            {
                throw new InvalidDataException("No labelled photo outside the training set could be read, so there is nothing to evaluate.");
            }

            var evaluation = ModelEvaluator.Evaluate(folder.Model, unseen.ToLabelledFeatures(folder.Model.Classes), notDogFeatures);
            if (result.GetValue(json))
            {
                System.Console.Out.WriteLine(JsonSerializer.Serialize(evaluation, EvaluationReport.JsonOptions));
            }
            else
            {
                ReportPrinter.Print(evaluation, System.Console.Out);
            }

            return 0;
        }));
        return command;
    }
}
