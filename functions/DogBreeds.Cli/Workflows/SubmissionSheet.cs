namespace DogBreeds.Cli.Workflows;

/// <summary>
/// Maps a model's class probabilities onto a submission's breed columns: breeds the model does not know
/// get 0, and each row is renormalised to sum to 1 over the columns.
/// </summary>
internal sealed class SubmissionSheet
{
    private readonly int[] _columnOfClass;
    private readonly int _columns;

    public SubmissionSheet(IReadOnlyList<string> classes, IReadOnlyList<string> columns)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
        {
            if (!index.TryAdd(columns[c], c))
            {
                throw new InvalidDataException($"Breed '{columns[c]}' appears twice in the breed list.");
            }
        }

        if (columns.Count == 0)
        {
            throw new InvalidDataException("The breed list is empty.");
        }

        _columns = columns.Count;
        _columnOfClass = [.. classes.Select(c => index.GetValueOrDefault(c, -1))];
        UnmappedClasses = [.. classes.Where((_, i) => _columnOfClass[i] < 0)];
        if (UnmappedClasses.Count == classes.Count)
        {
            throw new InvalidDataException("None of the model's breeds is in the breed list; check the --breeds file.");
        }
    }

    /// <summary>The model's classes that have no column.</summary>
    public IReadOnlyList<string> UnmappedClasses { get; }

    public double[] Map(ReadOnlySpan<float> probabilities)
    {
        var row = new double[_columns];
        var total = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (_columnOfClass[i] >= 0)
            {
                row[_columnOfClass[i]] = probabilities[i];
                total += probabilities[i];
            }
        }

        if (total <= 0)
        {
            return Uniform();
        }

        for (var c = 0; c < row.Length; c++)
        {
            row[c] /= total;
        }

        return row;
    }

    /// <summary>The guess for a photo that could not be read: equal probability for every breed the model knows.</summary>
    public double[] Uniform()
    {
        var row = new double[_columns];
        var known = _columnOfClass.Where(c => c >= 0).Distinct().ToArray();
        foreach (var c in known)
        {
            row[c] = 1.0 / known.Length;
        }

        return row;
    }
}
