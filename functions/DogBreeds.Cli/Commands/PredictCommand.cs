using System.CommandLine;
using System.Text.Json;
using DogBreeds.Cli.Workflows;
using DogBreeds.Core.Backbones;
using DogBreeds.Core.Evaluation;
using DogBreeds.Core.Images;
using DogBreeds.Core.Scoring;

namespace DogBreeds.Cli.Commands;

/// <summary><c>predict</c>: the top breeds of each photo, and whether it looks like a dog at all.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var model = CommonOptions.Model();
        var json = CommonOptions.Json();
        var top = new Option<int>("--top") { Description = "How many breeds to list per photo.", DefaultValueFactory = _ => BreedClassifier.DefaultTop };
        var photos = new Argument<FileInfo[]>("IMAGE") { Description = "Photos to score.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("predict", "Score photos: top breeds with probabilities and the dog judgement.") { model, json, top, photos };
        common.AddTo(command);
        command.SetAction((result, ct) => CliRun.Guard(async () =>
        {
            var settings = common.Read(result);
            var folder = ModelFolder.Load(result.GetValue(model)!.FullName, common.HasBackbone(result) ? settings.BackboneReferences : null);
            var k = result.GetValue(top);
            if (k < 1)
            {
                throw new ArgumentException($"--top must be at least 1, not {k}.");
            }

            using var extractor = settings.CreateExtractor(CliLog.Create("DogBreeds.Cli"), folder.Backbones);
            var classifier = new BreedClassifier(extractor, folder.Model);
            var limits = new PhotoLimits();
            var answers = new List<PhotoAnswer>();
            foreach (var file in result.GetValue(photos)!)
            {
                try
                {
                    var bytes = await PhotoInput.FromFile(file.FullName, limits.MaxBytes).ReadAsync(ct).ConfigureAwait(false);
                    answers.Add(new PhotoAnswer(file.FullName, classifier.Predict(bytes, file.FullName, k), null));
                }
                catch (Exception e) when (e is InvalidPhotoException or IOException or UnauthorizedAccessException)
                {
                    answers.Add(new PhotoAnswer(file.FullName, null, e.Message));
                }
            }

            if (result.GetValue(json))
            {
                System.Console.Out.WriteLine(JsonSerializer.Serialize(new { predictions = answers }, EvaluationReport.JsonOptions));
            }
            else
            {
                foreach (var answer in answers)
                {
                    Print(answer, System.Console.Out);
                }
            }

            return answers.Any(a => a.Error is not null) ? CliRun.Failed : 0;
        }));
        return command;
    }

    private static void Print(PhotoAnswer answer, TextWriter writer)
    {
        if (answer.Prediction is not { } prediction)
        {
            System.Console.Error.WriteLine($"error: {answer.Error}");
            return;
        }

        var verdict = prediction.IsDog
            ? "a dog"
            : "probably not a dog";
        writer.WriteLine($"{answer.Photo}: {verdict} (confidence {prediction.Confidence:F3}, threshold {prediction.DogThreshold:F3})");
        foreach (var breed in prediction.Breeds)
        {
            writer.WriteLine($"  {breed.Probability,7:P1}  {breed.Breed}");
        }
    }

    private sealed record PhotoAnswer(string Photo, BreedPrediction? Prediction, string? Error);
}
