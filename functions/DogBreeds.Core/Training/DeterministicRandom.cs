namespace DogBreeds.Core.Training;

/// <summary>
/// A small, fully specified pseudo-random generator (xoshiro256** seeded by SplitMix64) whose sequence
/// depends only on its seed: the same on every machine, runtime version and thread. Used instead of
/// <see cref="Random"/> so that a model is reproducible from its run seed.
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public DeterministicRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>
    /// The seed of member <paramref name="memberIndex"/> of a run: fixed arithmetic on (run seed, index),
    /// never <see cref="HashCode"/> (which changes per process).
    /// </summary>
    public static ulong MemberSeed(int runSeed, int memberIndex) =>
        Mix((ulong)(uint)runSeed, 0x9E3779B97F4A7C15UL * (ulong)(uint)(memberIndex + 1));

    /// <summary>Mixes two 64-bit values into a well-spread seed (SplitMix64 finaliser of a xor-rotate combination).</summary>
    public static ulong Mix(ulong a, ulong b)
    {
        var x = (a * 0xBF58476D1CE4E5B9UL) ^ ulong.RotateLeft(b, 29) ^ 0x94D049BB133111EBUL;
        return SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias (Lemire's method).</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), $"The upper bound must be positive, but was {maxExclusive}.");
        }

        var range = (ulong)maxExclusive;
        var product = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0UL - range) % range;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), range, out low);
            }
        }

        return (int)product;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>
    /// <paramref name="count"/> indices from [0, <paramref name="population"/>): with replacement (bootstrap)
    /// or without (a partial Fisher-Yates shuffle). Every index, the last included, can be drawn.
    /// Returned sorted ascending so that memory is read in order.
    /// </summary>
    public int[] Sample(int population, int count, bool withReplacement)
    {
        if (population <= 0 || count <= 0 || (!withReplacement && count > population))
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"Cannot draw {count} of {population} items {(withReplacement ? "with" : "without")} replacement.");
        }

        var result = new int[count];
        if (withReplacement)
        {
            for (var i = 0; i < count; i++)
            {
                result[i] = NextInt(population);
            }
        }
        else
        {
            var all = new int[population];
            for (var i = 0; i < population; i++)
            {
                all[i] = i;
            }

            for (var i = 0; i < count; i++)
            {
                var j = i + NextInt(population - i);
                (all[i], all[j]) = (all[j], all[i]);
            }

            Array.Copy(all, result, count);
        }

        Array.Sort(result);
        return result;
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
