namespace DogBreeds.Core.Evaluation;

/// <summary>
/// Multi-class log loss as Kaggle defines it for the dog-breed competition: each probability is clipped to
/// [1e-15, 1 - 1e-15], each row is renormalised to sum to 1, and the loss is the mean over photos of
/// -log(probability of the true breed).
/// </summary>
public static class MultiClassLogLoss
{
    /// <summary>Clipping bound of the Kaggle definition.</summary>
    public const double Epsilon = 1e-15;

    /// <summary>Log loss of row-major probabilities (labels.Length rows x <paramref name="classes"/>).</summary>
    /// <exception cref="ArgumentException">Shapes disagree or a label is out of range.</exception>
    public static double Compute(ReadOnlySpan<float> probabilities, ReadOnlySpan<int> labels, int classes)
    {
        if (classes <= 0 || labels.Length == 0 || probabilities.Length != labels.Length * classes)
        {
            throw new ArgumentException($"Log loss needs {labels.Length} rows x {classes} classes of probabilities, but got {probabilities.Length} values.", nameof(probabilities));
        }

        double total = 0;
        for (var r = 0; r < labels.Length; r++)
        {
            if ((uint)labels[r] >= (uint)classes)
            {
                throw new ArgumentException($"Label {labels[r]} of row {r} is outside the {classes} classes.", nameof(labels));
            }

            var row = probabilities.Slice(r * classes, classes);
            double sum = 0;
            foreach (var p in row)
            {
                sum += Clip(p);
            }

            total -= Math.Log(Clip(row[labels[r]]) / sum);
        }

        return total / labels.Length;
    }

    private static double Clip(double p) => double.IsNaN(p) ? Epsilon : Math.Clamp(p, Epsilon, 1 - Epsilon);
}
