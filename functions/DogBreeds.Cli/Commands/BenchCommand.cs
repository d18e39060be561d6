using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DogBreeds.Cli.Bench;
using DogBreeds.Cli.Console;
using DogBreeds.Cli.Workflows;
using DogBreeds.Core.Backbones;
using DogBreeds.Core.Features;
using DogBreeds.Core.Scoring;
using DogBreeds.Core.Training;

namespace DogBreeds.Cli.Commands;

/// <summary>
/// <c>bench</c>: the speed figures on the shared photos — extraction images/s (end to end and CNN
/// only), training seconds (10 and 100 members), single-photo prediction latency.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "The shared dog photos (train/, labels.csv, val/, not-dogs/).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "data", "dogs")),
        };
        var photos = new Option<int>("--photos") { Description = "Photos for the extraction benchmark.", DefaultValueFactory = _ => 500 };
        var repeats = new Option<int>("--repeats") { Description = "Timed training runs per ensemble size.", DefaultValueFactory = _ => 5 };
        var sklearn = new Option<FileInfo>("--sklearn")
        {
            Description = "The peers' sklearn_fit.py, timed alternately with our trainer on the same features (needs Debian's python3-sklearn).",
        };
        var command = new Command("bench", "Print extraction, training and prediction speed figures on the shared photos.") { data, photos, repeats, sklearn };
        common.AddTo(command);
        command.SetAction((result, ct) => CliRun.Guard(async () =>
        {
            var root = result.GetValue(data)!.FullName;
            var train = Path.Combine(root, "train");
            if (!Directory.Exists(train))
            {
                throw new DirectoryNotFoundException($"No photos at '{train}': give the shared photos with --data DIR.");
            }

            var output = System.Console.Out;
            var settings = common.Read(result);
            await output.WriteLineAsync("== extraction").ConfigureAwait(false);
            await ExtractionBenchmark.RunAsync(train, result.GetValue(photos), output, settings.BackboneReferences[0], settings.Provider, ct: ct).ConfigureAwait(false);

            // Training and prediction run on features of every train/ and val/ photo (cached after the first run).
            var logger = CliLog.Create("DogBreeds.Cli");
            var report = new ProblemReport(System.Console.Error);
            using var extractor = settings.CreateExtractor(logger);
            var cache = settings.CreateCache(logger);
            var trainSet = await ExtractAsync(extractor, PhotoCatalog.Scan(train, Path.Combine(root, "labels.csv")), cache, report, ct).ConfigureAwait(false);
            var valCatalog = PhotoCatalog.Scan(Path.Combine(root, "val"), null);
            var valSet = await ExtractAsync(extractor, valCatalog, cache, report, ct).ConfigureAwait(false);
            var work = Directory.CreateTempSubdirectory("dogbreeds-bench-");
            try
            {
                var trainCsv = Path.Combine(work.FullName, "train.csv");
                var valCsv = Path.Combine(work.FullName, "val.csv");
                WriteCsv(trainCsv, trainSet);
                WriteCsv(valCsv, valSet);
                var script = result.GetValue(sklearn)?.FullName;
                foreach (var members in (int[])[TrainingOptions.DefaultEstimators, 100])
                {
                    await output.WriteLineAsync($"== training, {members} members").ConfigureAwait(false);
                    TrainingBenchmark.Run(output, trainCsv, members, result.GetValue(repeats), valCsv, sklearnScript: script);
                }
            }
            finally
            {
                work.Delete(recursive: true);
            }

            await output.WriteLineAsync("== prediction (one photo at a time: read, decode, CNN, ensemble)").ConfigureAwait(false);
            var model = BaggedSgdTrainer.Train(trainSet, new TrainingOptions(), extractor.Key, BackboneSignature.Sha256(extractor));
            var classifier = new BreedClassifier(extractor, model);
            var valPhotos = valCatalog.Photos.Take(100).Select(p => p.Path).ToArray();
            classifier.Predict(await File.ReadAllBytesAsync(valPhotos[0], ct).ConfigureAwait(false), valPhotos[0]); // warm-up
            var latencies = new List<double>();
            foreach (var path in valPhotos)
            {
                var clock = Stopwatch.StartNew();
                classifier.Predict(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false), path);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            latencies.Sort();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"single-photo prediction over {latencies.Count} photos: median {latencies[latencies.Count / 2]:F1} ms, p95 {latencies[(int)Math.Ceiling(latencies.Count * 0.95) - 1]:F1} ms")).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static async Task<LabelledFeatures> ExtractAsync(FeatureExtractor extractor, PhotoCatalog catalog, IFeatureCache? cache, ProblemReport report, CancellationToken ct)
    {
        var extracted = await CatalogExtraction.ExtractAsync(extractor, [.. catalog.Labelled], cache, report, "features", ct).ConfigureAwait(false);
        return extracted.ToLabelledFeatures();
    }

    private static void WriteCsv(string path, LabelledFeatures data)
    {
        using var writer = new StreamWriter(path);
        FeatureCsv.Write(writer, data);
    }
}
