using DogBreeds.Core.Features;
using DogBreeds.Core.Training;

namespace DogBreeds.Core.Tests;

/// <summary>Gaussian blobs: one random centre per class, isotropic noise, deterministic from a seed.</summary>
internal static class SyntheticFeatures
{
    public static LabelledFeatures Blobs(int classes, int perClass, int dimensions, double separation, double noise, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var centres = new double[classes][];
        for (var c = 0; c < classes; c++)
        {
            centres[c] = Enumerable.Range(0, dimensions).Select(_ => Gaussian(random) * separation).ToArray();
        }

        var rows = new List<(string Id, string Breed, float[] Features)>();
        for (var i = 0; i < perClass; i++)
        {
            for (var c = 0; c < classes; c++)
            {
                var x = centres[c].Select(m => (float)(m + (Gaussian(random) * noise))).ToArray();
                rows.Add(($"p{c}_{i}", $"breed{c:D2}", x));
            }
        }

        return LabelledFeatures.Create(rows);
    }

    public static double Gaussian(DeterministicRandom random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
