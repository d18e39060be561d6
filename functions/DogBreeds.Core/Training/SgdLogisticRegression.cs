using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace DogBreeds.Core.Training;

/// <summary>
/// Plain (dense) stochastic gradient descent for logistic regression, one photo per step, in the manner of
/// scikit-learn's SGDClassifier: the decaying learning rate eta0 / (1 + alpha eta0 t) (scikit-learn's "optimal" schedule with another
/// first step: 1 / mean squared norm of the rows unless given), optional averaging of the iterates (ASGD), L2 decay applied in O(1)
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
        var eta0 = options.LearningRate > 0 ? options.LearningRate : AutomaticLearningRate(x, rows);
        var t0 = 1.0 / (alpha * eta0);
        var oneVsRest = options.Loss == SgdLoss.OneVsRest;

        var v = new float[classes * features];
        var q = l1Ratio > 0 ? new float[classes * features] : null;
        var scale = new double[oneVsRest ? classes : 1];
        Array.Fill(scale, 1.0);
        var intercept = new double[classes];
        var z = new double[classes];

        // Averaged SGD: avg = averageScale x sum, started after AverageFromEpoch epochs (one axpy per class and step).
        var sumWeights = options.AverageFromEpoch > 0 ? new float[classes * features] : null;
        var sumIntercept = new double[classes];
        long averaged = 0;
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

                var averaging = sumWeights is not null && epoch + 1 >= options.AverageFromEpoch;
                if (averaging)
                {
                    averaged++;
                }

                var sumSpan = averaging ? sumWeights.AsSpan() : default;
                if (oneVsRest)
                {
                    for (var c = 0; c < classes; c++)
                    {
                        var vc = v.AsSpan(c * features, features);
                        var score = (scale[c] * TensorPrimitives.Dot(vc, xi)) + intercept[c];
                        var positive = c == label;
                        var weight = positive ? classWeights[c] : 1.0;
                        var margin = positive ? score : -score;

                        // One exp for both the loss log(1 + e^-m) and its derivative -1 / (1 + e^m).
                        var e = Math.Exp(-Math.Abs(margin));
                        sumLoss += weight * (Math.Max(-margin, 0) + Math.Log(1 + e));
                        var sigmoidOfMinusMargin = margin > 0 ? e / (1 + e) : 1 / (1 + e);
                        var gradient = (positive ? -sigmoidOfMinusMargin : sigmoidOfMinusMargin) * weight;
                        scale[c] *= decay;
                        if (options.FitIntercept)
                        {
                            intercept[c] -= eta * gradient;
                        }

                        Update(vc, xi, -eta * gradient, scale[c], u, q is null ? default : q.AsSpan(c * features, features), averaging ? sumSpan.Slice(c * features, features) : default);
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
                        if (options.FitIntercept)
                        {
                            intercept[c] -= eta * gradient;
                        }

                        var range = new Range(c * features, (c + 1) * features);
                        Update(v.AsSpan(range), xi, -eta * gradient, scale[0], u, q is null ? default : q.AsSpan(range), averaging ? sumSpan[range] : default);
                    }

                    Renormalise(v, ref scale[0]);
                }

                if (averaging)
                {
                    for (var c = 0; c < classes; c++)
                    {
                        sumIntercept[c] += intercept[c];
                    }
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
        if (averaged > 0)
        {
            TensorPrimitives.Multiply(sumWeights, (float)(1.0 / averaged), weights);
            return new Result(weights, sumIntercept.Select(b => (float)(b / averaged)).ToArray(), epochs, meanLoss);
        }

        for (var c = 0; c < classes; c++)
        {
            TensorPrimitives.Multiply(v.AsSpan(c * features, features), (float)scale[oneVsRest ? c : 0], weights.AsSpan(c * features, features));
        }

        return new Result(weights, intercept.Select(b => (float)b).ToArray(), epochs, meanLoss);
    }

    /// <summary>
    /// The automatic first step: 1 / (mean squared norm of the rows), so that one step moves a photo's score
    /// by about its gradient whatever the scale of the features (about 1.6e-3 for half the ResNet18 features).
    /// </summary>
    internal static double AutomaticLearningRate(float[] x, int rows)
    {
        var meanSquaredNorm = TensorPrimitives.SumOfSquares(x) / rows;
        return meanSquaredNorm > 0 ? 1 / meanSquaredNorm : 1;
    }

    private static void Renormalise(Span<float> v, ref double scale)
    {
        if (scale < MinScale)
        {
            TensorPrimitives.Multiply(v, (float)scale, v);
            scale = 1;
        }
    }

    /// <summary>
    /// One fused pass over a weight row (lazy scale s, so w = s v): v += step / s x (the gradient step);
    /// then, when <paramref name="q"/> is given, the cumulative L1 penalty of Tsuruoka, Tsujii and Ananiadou
    /// (2009) clips each weight towards 0 by what is due (u + q or u - q) without crossing 0, q recording
    /// the penalty applied; then, when <paramref name="sum"/> is given, sum += s v for averaged SGD.
    /// Hand-vectorised with <see cref="Vector{T}"/> because doing the three steps in one pass over memory
    /// is what makes an epoch cheap; the dot product stays with TensorPrimitives.
    /// </summary>
    private static void Update(Span<float> v, ReadOnlySpan<float> x, double step, double scale, double u, Span<float> q, Span<float> sum)
    {
        var a = (float)(step / scale);
        var s = (float)scale;
        var inverse = (float)(1 / scale);
        var uf = (float)u;
        var l1 = !q.IsEmpty;
        var average = !sum.IsEmpty;
        var j = 0;
        if (Vector.IsHardwareAccelerated && v.Length >= Vector<float>.Count)
        {
            var va = new Vector<float>(a);
            var vs = new Vector<float>(s);
            var vInverse = new Vector<float>(inverse);
            var vu = new Vector<float>(uf);
            ref var vRef = ref MemoryMarshal.GetReference(v);
            ref var xRef = ref MemoryMarshal.GetReference(x);
            ref var qRef = ref MemoryMarshal.GetReference(q);
            ref var sumRef = ref MemoryMarshal.GetReference(sum);
            for (; j <= v.Length - Vector<float>.Count; j += Vector<float>.Count)
            {
                var offset = (nuint)j;
                var w = Vector.LoadUnsafe(ref vRef, offset) + (va * Vector.LoadUnsafe(ref xRef, offset));
                if (l1)
                {
                    var qq = Vector.LoadUnsafe(ref qRef, offset);
                    var down = Vector.Max(Vector<float>.Zero, w - ((vu + qq) * vInverse));
                    var up = Vector.Min(Vector<float>.Zero, w + ((vu - qq) * vInverse));
                    var clipped = Vector.ConditionalSelect(Vector.GreaterThan(w, Vector<float>.Zero), down, Vector.ConditionalSelect(Vector.LessThan(w, Vector<float>.Zero), up, w));
                    (qq + (vs * (clipped - w))).StoreUnsafe(ref qRef, offset);
                    w = clipped;
                }

                w.StoreUnsafe(ref vRef, offset);
                if (average)
                {
                    (Vector.LoadUnsafe(ref sumRef, offset) + (vs * w)).StoreUnsafe(ref sumRef, offset);
                }
            }
        }

        for (; j < v.Length; j++)
        {
            var w = v[j] + (a * x[j]);
            if (l1)
            {
                var clipped = w > 0 ? Math.Max(0, w - ((uf + q[j]) * inverse)) : w < 0 ? Math.Min(0, w + ((uf - q[j]) * inverse)) : w;
                q[j] += s * (clipped - w);
                w = clipped;
            }

            v[j] = w;
            if (average)
            {
                sum[j] += s * w;
            }
        }
    }
}
