namespace DogBreeds.Core.Training;

/// <summary>
/// Temperature scaling of averaged ensemble probabilities: p' = softmax(log(p) / T). T &gt; 1 softens
/// over-confident probabilities, T &lt; 1 sharpens under-confident ones (bagged averages usually are).
/// T is fitted by golden-section search on log T, minimising the log loss on held-out photos.
/// </summary>
public static class TemperatureScaling
{
    /// <summary>Smallest probability taken into the log (as in the Kaggle log loss).</summary>
    public const double Floor = 1e-15;

    private const double MinLogTemperature = -4.6; // T ~ 0.01
    private const double MaxLogTemperature = 4.6;  // T ~ 100

    /// <summary>The temperature minimising the mean log loss of the rows; 1 when there are no rows.</summary>
    public static double Fit(ReadOnlySpan<float> probabilities, ReadOnlySpan<int> labels, int classes)
    {
        if (labels.Length == 0)
        {
            return 1;
        }

        var logs = new double[probabilities.Length];
        for (var i = 0; i < logs.Length; i++)
        {
            logs[i] = Math.Log(Math.Max(probabilities[i], Floor));
        }

        var truth = labels.ToArray();
        double Loss(double logT) => MeanLoss(logs, truth, classes, Math.Exp(-logT));

        // Golden-section search on log T over [-4.6, 4.6]; the loss is unimodal in 1/T for softmax.
        var invPhi = (Math.Sqrt(5) - 1) / 2;
        double a = MinLogTemperature, b = MaxLogTemperature;
        var c = b - (invPhi * (b - a));
        var d = a + (invPhi * (b - a));
        double fc = Loss(c), fd = Loss(d);
        for (var iteration = 0; iteration < 60 && b - a > 1e-6; iteration++)
        {
            if (fc < fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (invPhi * (b - a));
                fc = Loss(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (invPhi * (b - a));
                fd = Loss(d);
            }
        }

        var best = (a + b) / 2;
        return Loss(best) <= Loss(0) ? Math.Exp(best) : 1;
    }

    /// <summary>Applies temperature <paramref name="temperature"/> to one row of probabilities, in place.</summary>
    public static void Apply(Span<float> row, double temperature)
    {
        var inverse = 1 / temperature;
        var max = double.NegativeInfinity;
        Span<double> z = row.Length <= 256 ? stackalloc double[row.Length] : new double[row.Length];
        for (var c = 0; c < row.Length; c++)
        {
            z[c] = Math.Log(Math.Max(row[c], Floor)) * inverse;
            max = Math.Max(max, z[c]);
        }

        double sum = 0;
        for (var c = 0; c < row.Length; c++)
        {
            z[c] = Math.Exp(z[c] - max);
            sum += z[c];
        }

        for (var c = 0; c < row.Length; c++)
        {
            row[c] = (float)(z[c] / sum);
        }
    }

    private static double MeanLoss(double[] logs, int[] labels, int classes, double inverseT)
    {
        double total = 0;
        for (var r = 0; r < labels.Length; r++)
        {
            var row = logs.AsSpan(r * classes, classes);
            var max = double.NegativeInfinity;
            foreach (var l in row)
            {
                max = Math.Max(max, l * inverseT);
            }

            double sum = 0;
            foreach (var l in row)
            {
                sum += Math.Exp((l * inverseT) - max);
            }

            total -= (row[labels[r]] * inverseT) - max - Math.Log(sum);
        }

        return total / labels.Length;
    }
}
