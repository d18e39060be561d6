using DogBreeds.Core.Features;
using DogBreeds.Core.Models;

namespace DogBreeds.Core.Evaluation;

/// <summary>Computes an <see cref="EvaluationReport"/> from predicted probabilities or from a model and data.</summary>
public static class ModelEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="model"/> on <paramref name="data"/> (relabelled to the model's classes);
    /// with <paramref name="notDogs"/>, also the not-dog AUROC of the max-probability rule.
    /// </summary>
    public static EvaluationReport Evaluate(BreedModel model, LabelledFeatures data, LabelledFeatures? notDogs = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var relabelled = data.WithClasses(model.Classes);
        var probabilities = model.PredictProbabilities(relabelled);
        double? auroc = null;
        if (notDogs is not null)
        {
            var notDogProbabilities = model.PredictProbabilities(notDogs);
            auroc = NotDogSeparation.Auroc(
                NotDogSeparation.MaxProbabilities(probabilities, model.Classes.Count),
                NotDogSeparation.MaxProbabilities(notDogProbabilities, model.Classes.Count));
        }

        return Evaluate(model.Classes, probabilities, relabelled.Labels, auroc);
    }

    /// <summary>Evaluates row-major probabilities (labels.Length rows x classes.Count) against labels.</summary>
    /// <exception cref="ArgumentException">Shapes disagree or a label is out of range.</exception>
    public static EvaluationReport Evaluate(IReadOnlyList<string> classes, ReadOnlySpan<float> probabilities, ReadOnlySpan<int> labels, double? notDogAuroc = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var k = classes.Count;
        var logLoss = MultiClassLogLoss.Compute(probabilities, labels, k);
        var confusion = new int[k][];
        for (var c = 0; c < k; c++)
        {
            confusion[c] = new int[k];
        }

        int correct = 0, top3 = 0, top5 = 0;
        for (var r = 0; r < labels.Length; r++)
        {
            var row = probabilities.Slice(r * k, k);
            var truth = labels[r];
            var predicted = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(row);
            confusion[truth][predicted]++;
            correct += predicted == truth ? 1 : 0;

            // Rank of the true class: how many classes score strictly higher (ties favour the truth).
            var higher = 0;
            foreach (var p in row)
            {
                higher += p > row[truth] ? 1 : 0;
            }

            top3 += higher < 3 ? 1 : 0;
            top5 += higher < 5 ? 1 : 0;
        }

        var perBreed = new BreedMetrics[k];
        for (var c = 0; c < k; c++)
        {
            var support = confusion[c].Sum();
            var predictedAs = 0;
            for (var a = 0; a < k; a++)
            {
                predictedAs += confusion[a][c];
            }

            perBreed[c] = new BreedMetrics(
                classes[c],
                predictedAs == 0 ? 0 : (double)confusion[c][c] / predictedAs,
                support == 0 ? 0 : (double)confusion[c][c] / support,
                support);
        }

        double n = labels.Length;
        return new EvaluationReport(correct / n, logLoss, top3 / n, top5 / n, labels.Length, perBreed, confusion, notDogAuroc, classes.ToArray());
    }
}
