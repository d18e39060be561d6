using System.Diagnostics;
using System.Globalization;
using DogBreeds.Core.Evaluation;
using DogBreeds.Core.Features;
using DogBreeds.Core.Training;

namespace DogBreeds.Cli.Bench;

/// <summary>
/// Times <see cref="BaggedSgdTrainer.Train"/> on a features CSV and, when given the peer script, the
/// original post's scikit-learn recipe on the same CSV, alternating runs; prints medians, their ratio,
/// peak memory and (with a validation CSV) the model's accuracy and log loss.
/// </summary>
internal static class TrainingBenchmark
{
    /// <summary>Runs the benchmark and prints its figures; returns a process exit code.</summary>
    /// <param name="output">Where figures are printed.</param>
    /// <param name="trainCsv">Training features (label first, header line).</param>
    /// <param name="estimators">Ensemble members.</param>
    /// <param name="repeats">Timed runs of each trainer.</param>
    /// <param name="validationCsv">Optional features to evaluate the last model on.</param>
    /// <param name="notDogsCsv">Optional not-dog features for the AUROC.</param>
    /// <param name="sklearnScript">Optional path of shared/peers/sklearn_fit.py to time alternately.</param>
    /// <param name="python">Python interpreter for the script.</param>
    /// <param name="options">Training options (defaults when null; Estimators is overridden).</param>
    public static int Run(
        TextWriter output,
        string trainCsv,
        int estimators = TrainingOptions.DefaultEstimators,
        int repeats = 5,
        string? validationCsv = null,
        string? notDogsCsv = null,
        string? sklearnScript = null,
        string python = "/usr/bin/python3",
        TrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var train = FeatureCsv.Read(trainCsv);
        options = options?.Clone() ?? new TrainingOptions();
        options.Estimators = estimators;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"training benchmark: {train.Rows} photos x {train.Columns} features, {train.Classes.Count} breeds, {estimators} members, loss {options.Loss}, {Environment.ProcessorCount} cores"));

        var model = BaggedSgdTrainer.Train(train, options, "bench", "bench"); // warm-up (JIT)
        var ours = new List<double>();
        var cpu = new List<double>();
        var theirs = new List<double>();
        var allocated = 0L;
        for (var run = 0; run < repeats; run++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            model = BaggedSgdTrainer.Train(train, options, "bench", "bench");
            ours.Add(watch.Elapsed.TotalSeconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            if (sklearnScript is not null)
            {
                theirs.Add(RunSklearn(python, sklearnScript, trainCsv, estimators));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {run + 1}: ours {ours[^1]:F3} s{(theirs.Count > 0 ? $", sklearn {theirs[^1]:F3} s" : string.Empty)}"));
        }

        var ourMedian = Median(ours);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ours: median {ourMedian:F3} s wall (min {ours.Min():F3}, max {ours.Max():F3}) over {repeats} runs; median CPU time {Median(cpu):F3} s"));
        if (theirs.Count > 0)
        {
            var theirMedian = Median(theirs);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sklearn recipe: median {theirMedian:F3} s (min {theirs.Min():F3}, max {theirs.Max():F3}); ratio of medians sklearn/ours = {theirMedian / ourMedian:F1}x"));
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: {allocated / 1048576.0:F1} MiB allocated per training, process peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model: temperature {model.Temperature:F3}, not-dog threshold {model.NotDogThreshold:F3}, mean epochs {model.Members.Average(m => m.Epochs):F1}, validation-split log loss {model.Manifest.Metrics?.LogLoss:F4}"));

        if (validationCsv is not null)
        {
            var validation = FeatureCsv.Read(validationCsv);
            var notDogs = notDogsCsv is null ? null : FeatureCsv.Read(notDogsCsv);
            var report = ModelEvaluator.Evaluate(model, validation, notDogs);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"evaluation on {Path.GetFileName(validationCsv)} ({report.Count} photos): accuracy {report.Accuracy:F4}, log loss {report.LogLoss:F4}, top-3 {report.Top3:F4}, top-5 {report.Top5:F4}{(report.NotDogAuroc is { } auroc ? $", not-dog AUROC {auroc:F4}" : string.Empty)}"));
        }

        return 0;
    }

    private static double RunSklearn(string python, string script, string csv, int estimators)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(csv);
        start.ArgumentList.Add(estimators.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{python}'.");
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        const string Key = "fit_seconds=";
        var at = stdout.IndexOf(Key, StringComparison.Ordinal);
        if (process.ExitCode != 0 || at < 0)
        {
            throw new InvalidOperationException($"The sklearn script exited with code {process.ExitCode} without printing {Key}: {stderr.Trim()}");
        }

        var text = stdout[(at + Key.Length)..].Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)[0];
        return double.Parse(text, CultureInfo.InvariantCulture);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
