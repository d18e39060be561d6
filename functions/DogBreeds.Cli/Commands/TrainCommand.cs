using System.CommandLine;
using System.Diagnostics;
using DogBreeds.Cli.Console;
using DogBreeds.Cli.Workflows;
using DogBreeds.Core.Backbones;
using DogBreeds.Core.Evaluation;
using DogBreeds.Core.Features;
using DogBreeds.Core.Models;
using DogBreeds.Core.Scoring;
using DogBreeds.Core.Training;

namespace DogBreeds.Cli.Commands;

/// <summary><c>train</c>: photos (or exported features) in, a model folder out, and the post's table of accuracy and loss.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var images = CommonOptions.Images(required: false);
        var labels = CommonOptions.Labels();
        var features = new Option<FileInfo>("--features") { Description = "Train from a features CSV written by 'extract' instead of photos." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Model folder to write.", Required = true };
        var estimators = new Option<int>("--estimators") { Description = "Ensemble members.", DefaultValueFactory = _ => TrainingOptions.DefaultEstimators };
        var maxSamples = new Option<double>("--max-samples") { Description = "Fraction of the photos each member trains on.", DefaultValueFactory = _ => TrainingOptions.DefaultMaxSamples };
        var maxFeatures = new Option<double>("--max-features") { Description = "Fraction of the features each member sees.", DefaultValueFactory = _ => TrainingOptions.DefaultMaxFeatures };
        var alpha = new Option<double>("--alpha") { Description = "Regularisation strength.", DefaultValueFactory = _ => TrainingOptions.DefaultAlpha };
        var epochs = new Option<int>("--epochs") { Description = "Most passes over each member's sample.", DefaultValueFactory = _ => TrainingOptions.DefaultEpochs };
        var validation = new Option<double>("--validation") { Description = "Fraction held out (stratified) for calibration and the dog threshold.", DefaultValueFactory = _ => TrainingOptions.DefaultValidationFraction };
        var seed = new Option<int>("--seed") { Description = "Run seed: the same seed gives the same model.", DefaultValueFactory = _ => 0 };
        var loss = new Option<SgdLoss>("--loss") { Description = "OneVsRest or Multinomial logistic regression.", DefaultValueFactory = _ => new TrainingOptions().Loss };

        var command = new Command("train", "Train the bagged SGD ensemble on labelled photos or features.")
        {
            images, labels, features, output, estimators, maxSamples, maxFeatures, alpha, epochs, validation, seed, loss,
        };
        common.AddTo(command);
        command.SetAction((result, ct) => CliRun.Guard(async () =>
        {
            var options = new TrainingOptions
            {
                Estimators = result.GetValue(estimators),
                MaxSamples = result.GetValue(maxSamples),
                MaxFeatures = result.GetValue(maxFeatures),
                Alpha = result.GetValue(alpha),
                Epochs = result.GetValue(epochs),
                ValidationFraction = result.GetValue(validation),
                Seed = result.GetValue(seed),
                Loss = result.GetValue(loss),
            };
            options.Validate();
            var settings = common.Read(result);
            var report = new ProblemReport(System.Console.Error);
            var logger = CliLog.Create("DogBreeds.Cli");
            var backbones = settings.BackboneReferences.Select(BackboneManifest.Resolve).ToArray();
            var backboneKey = FeatureExtractor.KeyOf(backbones);
            LabelledFeatures data;
            IEnumerable<string> photoHashes = [];
            if (result.GetValue(features) is { } csv)
            {
                data = FeatureCsv.Read(csv.FullName);
            }
            else if (result.GetValue(images) is { } folder)
            {
                var catalog = PhotoCatalog.Scan(folder.FullName, result.GetValue(labels)?.FullName);
                CatalogExtraction.ReportProblems(catalog, report);
                using var extractor = settings.CreateExtractor(logger, backbones);
                var extracted = await CatalogExtraction.ExtractAsync(extractor, [.. catalog.Labelled], settings.CreateCache(logger), report, "extract", ct).ConfigureAwait(false);
                data = extracted.ToLabelledFeatures();
                photoHashes = extracted.Results.Select(r => r.Sha256);
            }
            else
            {
                throw new ArgumentException("Give the training photos with --images DIR (and --labels CSV for a flat folder), or features with --features CSV.");
            }

            report.PrintSummary();
            if (data.Rows == 0)
            {
                throw new InvalidDataException("No labelled photo could be read, so there is nothing to train on.");
            }

            System.Console.Error.WriteLine($"training {options.Estimators} members on {data.Rows} photos x {data.Columns} features, {data.Classes.Count} breeds");
            var clock = Stopwatch.StartNew();
            var model = BaggedSgdTrainer.Train(data, options, backboneKey, BackboneSignature.Sha256(backbones));
            var seconds = clock.Elapsed.TotalSeconds;
            var outDir = result.GetValue(output)!.FullName;
            ModelFolder.Save(outDir, model, settings.BackboneReferences, photoHashes);

            var preparation = BaggedSgdTrainer.Prepare(data, options);
            var training = ModelEvaluator.Evaluate(model, data.Select(preparation.TrainRows));
            var held = preparation.ValidationRows.Length > 0 ? ModelEvaluator.Evaluate(model, data.Select(preparation.ValidationRows)) : null;
            var stdout = System.Console.Out;
            stdout.WriteLine($"trained in {seconds:F2} s; model written to {outDir}");
            stdout.WriteLine();
            stdout.WriteLine("              accuracy   log loss");
            stdout.WriteLine($"training    {training.Accuracy,10:F4} {training.LogLoss,10:F4}");
            if (held is not null)
            {
                stdout.WriteLine($"validation  {held.Accuracy,10:F4} {held.LogLoss,10:F4}");
            }

            stdout.WriteLine();
            using (var process = Process.GetCurrentProcess())
            {
                stdout.WriteLine($"peak memory (working set) {process.PeakWorkingSet64 / 1048576.0:F0} MiB");
            }

            stdout.WriteLine($"calibration temperature {model.Temperature:F3}; a photo counts as a dog when its top probability is at least {model.NotDogThreshold:F3}");
            return 0;
        }));
        return command;
    }
}
