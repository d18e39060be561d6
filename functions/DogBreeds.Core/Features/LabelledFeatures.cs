namespace DogBreeds.Core.Features;

/// <summary>
/// An immutable table of feature vectors with a breed label per row: the training and evaluation data
/// of the classifier. Values are row-major float32; labels index into <see cref="Classes"/>, which is
/// sorted ordinally so that the same set of breeds always gets the same class indices.
/// </summary>
public sealed class LabelledFeatures
{
    private readonly float[] _values;
    private readonly int[] _labels;
    private readonly string[] _classes;
    private readonly string[] _ids;

    private LabelledFeatures(float[] values, int columns, int[] labels, string[] classes, string[] ids)
    {
        _values = values;
        _labels = labels;
        _classes = classes;
        _ids = ids;
        Columns = columns;
    }

    /// <summary>Number of rows (photos).</summary>
    public int Rows => _labels.Length;

    /// <summary>Number of feature columns per row.</summary>
    public int Columns { get; }

    /// <summary>Row-major values, <see cref="Rows"/> x <see cref="Columns"/>. Do not modify.</summary>
    public float[] Values => _values;

    /// <summary>Label of each row as an index into <see cref="Classes"/>. Do not modify.</summary>
    public int[] Labels => _labels;

    /// <summary>Class names (breeds), sorted ordinally.</summary>
    public IReadOnlyList<string> Classes => _classes;

    /// <summary>Identifier of each row (photo id).</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>The feature vector of one row.</summary>
    public ReadOnlySpan<float> Row(int row) => _values.AsSpan(row * Columns, Columns);

    /// <summary>Builds a table from rows; the classes are the distinct breeds, sorted ordinally.</summary>
    /// <exception cref="ArgumentException">No rows, a ragged row, an empty breed or a non-finite value.</exception>
    public static LabelledFeatures Create(IReadOnlyList<(string Id, string Breed, float[] Features)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var classes = rows.Select(r => r.Breed).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return Create(rows, classes);
    }

    /// <summary>
    /// Builds a table from rows with a given class list (for example a model's classes, so that evaluation
    /// data uses the same class indices). Every row's breed must be one of <paramref name="classes"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No rows, a ragged row, an unknown breed or a non-finite value.</exception>
    public static LabelledFeatures Create(IReadOnlyList<(string Id, string Breed, float[] Features)> rows, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(classes);
        if (rows.Count == 0)
        {
            throw new ArgumentException("Labelled features need at least one row, but none were given.", nameof(rows));
        }

        var classArray = classes.ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < classArray.Length; c++)
        {
            if (string.IsNullOrEmpty(classArray[c]) || !index.TryAdd(classArray[c], c))
            {
                throw new ArgumentException($"Class list entry {c} ('{classArray[c]}') is empty or repeated.", nameof(classes));
            }
        }

        var columns = rows[0].Features?.Length ?? 0;
        if (columns == 0)
        {
            throw new ArgumentException($"Row '{rows[0].Id}' has no feature values.", nameof(rows));
        }

        var values = new float[checked(rows.Count * columns)];
        var labels = new int[rows.Count];
        var ids = new string[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var (id, breed, features) = rows[r];
            if (features is null || features.Length != columns)
            {
                throw new ArgumentException(
                    $"Row '{id}' has {features?.Length ?? 0} feature values but the first row has {columns}; all rows must have the same length.",
                    nameof(rows));
            }

            if (string.IsNullOrEmpty(breed) || !index.TryGetValue(breed, out var label))
            {
                throw new ArgumentException($"Row '{id}' has breed '{breed}', which is not one of the {classArray.Length} known classes.", nameof(rows));
            }

            EnsureFinite(features, id);
            features.CopyTo(values, r * columns);
            labels[r] = label;
            ids[r] = id ?? r.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new LabelledFeatures(values, columns, labels, classArray, ids);
    }

    /// <summary>Builds a table from row-major values without copying them (they must not change afterwards).</summary>
    /// <exception cref="ArgumentException">Shapes disagree, a label is out of range or a value is not finite.</exception>
    public static LabelledFeatures FromArrays(float[] values, int columns, int[] labels, IReadOnlyList<string> classes, IReadOnlyList<string>? ids = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        if (columns <= 0 || labels.Length == 0 || (long)labels.Length * columns != values.Length)
        {
            throw new ArgumentException(
                $"Labelled features of {labels.Length} rows x {columns} columns need {(long)labels.Length * columns} values, but {values.Length} were given.",
                nameof(values));
        }

        if (ids is not null && ids.Count != labels.Length)
        {
            throw new ArgumentException($"There are {ids.Count} ids for {labels.Length} rows.", nameof(ids));
        }

        foreach (var label in labels)
        {
            if ((uint)label >= (uint)classes.Count)
            {
                throw new ArgumentException($"Label {label} is outside the {classes.Count} classes.", nameof(labels));
            }
        }

        EnsureFinite(values, columns, ids);
        var idArray = ids?.ToArray() ?? Enumerable.Range(0, labels.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new LabelledFeatures(values, columns, labels, classes.ToArray(), idArray);
    }

    /// <summary>A new table holding the given rows (in that order), with the same classes.</summary>
    public LabelledFeatures Select(int[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = new float[checked(rows.Length * Columns)];
        var labels = new int[rows.Length];
        var ids = new string[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            if ((uint)r >= (uint)Rows)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), $"Row index {r} is outside the {Rows} rows.");
            }

            Row(r).CopyTo(values.AsSpan(i * Columns, Columns));
            labels[i] = _labels[r];
            ids[i] = _ids[r];
        }

        return new LabelledFeatures(values, Columns, labels, _classes, ids);
    }

    /// <summary>
    /// The same rows relabelled against another class list (for example a model's classes).
    /// Every breed present must be in <paramref name="classes"/>.
    /// </summary>
    public LabelledFeatures WithClasses(IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < classes.Count; c++)
        {
            index.TryAdd(classes[c], c);
        }

        var labels = new int[Rows];
        for (var r = 0; r < Rows; r++)
        {
            var breed = _classes[_labels[r]];
            if (!index.TryGetValue(breed, out labels[r]))
            {
                throw new ArgumentException($"Row '{_ids[r]}' has breed '{breed}', which is not one of the {classes.Count} given classes.", nameof(classes));
            }
        }

        return new LabelledFeatures(_values, Columns, labels, classes.ToArray(), _ids);
    }

    /// <summary>Number of rows per class, indexed like <see cref="Classes"/>.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[_classes.Length];
        foreach (var label in _labels)
        {
            counts[label]++;
        }

        return counts;
    }

    /// <summary>
    /// Splits the rows into a training and a validation part, class by class, so that each class keeps
    /// about <paramref name="fraction"/> of its rows for validation (at least one when it has two or more
    /// rows). The same seed gives the same split.
    /// </summary>
    public (LabelledFeatures Train, LabelledFeatures Validation) StratifiedSplit(double fraction, int seed)
    {
        var (train, validation) = StratifiedSplitIndices(_labels, _classes.Length, fraction, seed);
        return (Select(train), Select(validation));
    }

    /// <summary>The row indices of <see cref="StratifiedSplit"/>: both sorted ascending.</summary>
    public static (int[] Train, int[] Validation) StratifiedSplitIndices(int[] labels, int classCount, double fraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!(fraction >= 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), $"The validation fraction must be in [0, 1), but was {fraction}.");
        }

        var byClass = new List<int>[classCount];
        for (var c = 0; c < classCount; c++)
        {
            byClass[c] = [];
        }

        for (var r = 0; r < labels.Length; r++)
        {
            byClass[labels[r]].Add(r);
        }

        var random = new Training.DeterministicRandom(Training.DeterministicRandom.Mix((ulong)(uint)seed, 0x5EED_5717UL));
        var train = new List<int>(labels.Length);
        var validation = new List<int>();
        for (var c = 0; c < classCount; c++)
        {
            var rows = byClass[c].ToArray();
            random.Shuffle(rows);
            var take = fraction == 0 || rows.Length < 2 ? 0 : Math.Clamp((int)Math.Round(rows.Length * fraction), 1, rows.Length - 1);
            validation.AddRange(rows.AsSpan(0, take));
            train.AddRange(rows.AsSpan(take));
        }

        var trainArray = train.ToArray();
        var validationArray = validation.ToArray();
        Array.Sort(trainArray);
        Array.Sort(validationArray);
        return (trainArray, validationArray);
    }

    private static void EnsureFinite(ReadOnlySpan<float> values, string id)
    {
        if (float.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum(values)))
        {
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"Row '{id}' has a non-finite feature value ({values[i]}) at position {i}.", nameof(values));
            }
        }
    }

    private static void EnsureFinite(float[] values, int columns, IReadOnlyList<string>? ids)
    {
        for (var r = 0; r < values.Length / columns; r++)
        {
            EnsureFinite(values.AsSpan(r * columns, columns), ids?[r] ?? r.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
