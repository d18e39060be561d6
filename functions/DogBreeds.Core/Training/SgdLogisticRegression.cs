using System.Numerics;
using System.Numerics.Tensors;

namespace DogBreeds.Core.Training;

/// <summary>
/// Plain (dense) stochastic gradient descent for logistic regression, one photo per step, in the manner of
/// scikit-learn's SGDClassifier: the "optimal" learning rate 1 / (alpha (t0 + t)), L2 decay applied in O(1)
/// through a lazy weight scale (w = scale x v), L1 through the cumulative penalty of Tsuruoka et al.,
/// early stopping when the epoch's mean training loss stops improving by more than the tolerance.
/// Sequential and deterministic: the result depends only on the inputs and the generator's seed.
/// </summary>
internal static class SgdLogisticRegression
{
    private const double MinScale = 1e-9;

    /// <summary>Trained weights (classes x features, row-major) and intercepts.</summary>
    internal sealed record Result(float[] Weights, float[] Intercepts, int Epochs, double FinalLoss);

    /// <summary>
    /// Trains on <paramref name="x"/> (rows x features, row-major) with labels in [0, classes).
    /// <paramref name="classWeights"/> weights each photo by its class (for one-vs-rest the weight applies to
    /// the positive side, as in scikit-learn).
    /// </summary>
    public static Result Train(float[] x, int features, int[] y, int classes, double[] classWeights, TrainingOptions options, DeterministicRandom random)
    {
        var rows = y.Length;
        var order = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            order[i] = i;
        }

        var alpha = options.Alpha;
        var l1Ratio = options.L1Ratio;
        var l2 = alpha * (1 - l1Ratio);
        var t0 = 1.0 / (alpha * InitialLearningRate(alpha));
        var oneVsRest = options.Loss == SgdLoss.OneVsRest;

        var v = new float[classes * features];
        var q = l1Ratio > 0 ? new float[classes * features] : null;
        var scale = new double[oneVsRest ? classes : 1];
        Array.Fill(scale, 1.0);
        var intercept = new double[classes];
        var z = new double[classes];
        double u = 0;
        long t = 0;
        var best = double.PositiveInfinity;
        var noImprovement = 0;
        var epochs = 0;
        double meanLoss = 0;

        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            epochs++;
            random.Shuffle(order.AsSpan());
            double sumLoss = 0;
            foreach (var i in order)
            {
                var eta = 1.0 / (alpha * (t0 + t));
                t++;
                var xi = new ReadOnlySpan<float>(x, i * features, features);
                var label = y[i];
                var decay = Math.Max(0, 1 - (eta * l2));
                u += l1Ratio * eta * alpha;

                if (oneVsRest)
                {
                    for (var c = 0; c < classes; c++)
                    {
                        var vc = v.AsSpan(c * features, features);
                        var score = (scale[c] * TensorPrimitives.Dot(vc, xi)) + intercept[c];
                        var sign = c == label ? 1.0 : -1.0;
                        var weight = c == label ? classWeights[c] : 1.0;
                        var margin = sign * score;
                        sumLoss += weight * LogOnePlusExp(-margin);
                        var gradient = -sign * weight / (1 + Math.Exp(margin));
                        scale[c] *= decay;
                        Step(vc, xi, eta, gradient, ref scale[c], ref intercept[c], options.FitIntercept);
                        if (q is not null)
                        {
                            ApplyL1(vc, q.AsSpan(c * features, features), scale[c], u);
                        }

                        Renormalise(vc, ref scale[c]);
                    }
                }
                else
                {
                    var max = double.NegativeInfinity;
                    for (var c = 0; c < classes; c++)
                    {
                        z[c] = (scale[0] * TensorPrimitives.Dot(v.AsSpan(c * features, features), xi)) + intercept[c];
                        max = Math.Max(max, z[c]);
                    }

                    double sum = 0;
                    for (var c = 0; c < classes; c++)
                    {
                        z[c] = Math.Exp(z[c] - max);
                        sum += z[c];
                    }

                    var weight = classWeights[label];
                    sumLoss -= weight * Math.Log(Math.Max(z[label] / sum, 1e-300));
                    scale[0] *= decay;
                    for (var c = 0; c < classes; c++)
                    {
                        var gradient = ((z[c] / sum) - (c == label ? 1 : 0)) * weight;
                        Step(v.AsSpan(c * features, features), xi, eta, gradient, ref scale[0], ref intercept[c], options.FitIntercept);
                    }

                    if (q is not null)
                    {
                        ApplyL1(v, q, scale[0], u);
                    }

                    Renormalise(v, ref scale[0]);
                }
            }

            meanLoss = sumLoss / rows;
            if (options.Tolerance > 0)
            {
                noImprovement = meanLoss > best - options.Tolerance ? noImprovement + 1 : 0;
                best = Math.Min(best, meanLoss);
                if (noImprovement >= options.NoImprovementEpochs)
                {
                    break;
                }
            }
        }

        var weights = new float[classes * features];
        for (var c = 0; c < classes; c++)
        {
            TensorPrimitives.Multiply(v.AsSpan(c * features, features), (float)scale[oneVsRest ? c : 0], weights.AsSpan(c * features, features));
        }

        return new Result(weights, intercept.Select(b => (float)b).ToArray(), epochs, meanLoss);
    }

    /// <summary>scikit-learn's heuristic first step for the "optimal" schedule: typw / max(1, |dloss(-typw, 1)|).</summary>
    internal static double InitialLearningRate(double alpha)
    {
        var typw = Math.Sqrt(1.0 / Math.Sqrt(alpha));
        var dloss = 1.0 / (1 + Math.Exp(-typw));
        return typw / Math.Max(1.0, dloss);
    }

    private static void Step(Span<float> v, ReadOnlySpan<float> x, double eta, double gradient, ref double scale, ref double intercept, bool fitIntercept)
    {
        if (gradient == 0)
        {
            return;
        }

        TensorPrimitives.MultiplyAdd(x, (float)(-eta * gradient / scale), v, v);
        if (fitIntercept)
        {
            intercept -= eta * gradient;
        }
    }

    private static void Renormalise(Span<float> v, ref double scale)
    {
        if (scale < MinScale)
        {
            TensorPrimitives.Multiply(v, (float)scale, v);
            scale = 1;
        }
    }

    /// <summary>Cumulative L1 penalty (Tsuruoka, Tsujii and Ananiadou 2009), vectorised; q holds the penalty already applied.</summary>
    private static void ApplyL1(Span<float> v, Span<float> q, double scale, double u)
    {
        var inverse = (float)(1 / scale);
        var s = (float)scale;
        var uf = (float)u;
        var j = 0;
        if (Vector.IsHardwareAccelerated && v.Length >= Vector<float>.Count)
        {
            var vs = new Vector<float>(s);
            var vInverse = new Vector<float>(inverse);
            var vu = new Vector<float>(uf);
            for (; j <= v.Length - Vector<float>.Count; j += Vector<float>.Count)
            {
                var w = new Vector<float>(v[j..]);
                var qq = new Vector<float>(q[j..]);
                var down = Vector.Max(Vector<float>.Zero, w - ((vu + qq) * vInverse));
                var up = Vector.Min(Vector<float>.Zero, w + ((vu - qq) * vInverse));
                var updated = Vector.ConditionalSelect(Vector.GreaterThan(w, Vector<float>.Zero), down, Vector.ConditionalSelect(Vector.LessThan(w, Vector<float>.Zero), up, w));
                updated.CopyTo(v[j..]);
                (qq + (vs * (updated - w))).CopyTo(q[j..]);
            }
        }

        for (; j < v.Length; j++)
        {
            var w = v[j];
            var updated = w > 0 ? Math.Max(0, w - ((uf + q[j]) * inverse)) : w < 0 ? Math.Min(0, w + ((uf - q[j]) * inverse)) : w;
            v[j] = updated;
            q[j] += s * (updated - w);
        }
    }

    private static double LogOnePlusExp(double a) => a > 0 ? a + Math.Log(1 + Math.Exp(-a)) : Math.Log(1 + Math.Exp(a));
}
