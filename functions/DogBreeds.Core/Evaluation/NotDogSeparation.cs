namespace DogBreeds.Core.Evaluation;

/// <summary>
/// How well a score separates dog photos from not-dog photos. The score is the model's maximum breed
/// probability: a dog should get a high one, anything else a low one.
/// </summary>
public static class NotDogSeparation
{
    /// <summary>
    /// Area under the ROC curve: the probability that a random dog photo scores higher than a random
    /// not-dog photo, ties counted half (Mann-Whitney U / (n_dog x n_notdog)). 1 = perfect, 0.5 = chance.
    /// </summary>
    /// <exception cref="ArgumentException">Either set is empty.</exception>
    public static double Auroc(IReadOnlyList<double> dogScores, IReadOnlyList<double> notDogScores)
    {
        ArgumentNullException.ThrowIfNull(dogScores);
        ArgumentNullException.ThrowIfNull(notDogScores);
        if (dogScores.Count == 0 || notDogScores.Count == 0)
        {
            throw new ArgumentException($"AUROC needs dog and not-dog scores, but got {dogScores.Count} dog and {notDogScores.Count} not-dog scores.", nameof(dogScores));
        }

        // Rank-based: sort all scores, give tied runs their average rank, sum the dogs' ranks.
        var all = new (double Score, bool Dog)[dogScores.Count + notDogScores.Count];
        for (var i = 0; i < dogScores.Count; i++)
        {
            all[i] = (dogScores[i], true);
        }

        for (var i = 0; i < notDogScores.Count; i++)
        {
            all[dogScores.Count + i] = (notDogScores[i], false);
        }

        Array.Sort(all, (a, b) => a.Score.CompareTo(b.Score));
        double dogRankSum = 0;
        for (var start = 0; start < all.Length;)
        {
            var end = start;
            while (end + 1 < all.Length && all[end + 1].Score.Equals(all[start].Score))
            {
                end++;
            }

            var averageRank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                if (all[k].Dog)
                {
                    dogRankSum += averageRank;
                }
            }

            start = end + 1;
        }

        double dogs = dogScores.Count;
        var u = dogRankSum - (dogs * (dogs + 1) / 2);
        return u / (dogs * notDogScores.Count);
    }

    /// <summary>The maximum probability of each row of row-major probabilities.</summary>
    public static double[] MaxProbabilities(ReadOnlySpan<float> probabilities, int classes)
    {
        var rows = probabilities.Length / classes;
        var result = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            result[r] = System.Numerics.Tensors.TensorPrimitives.Max(probabilities.Slice(r * classes, classes));
        }

        return result;
    }
}
