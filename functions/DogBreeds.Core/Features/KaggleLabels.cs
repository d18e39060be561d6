namespace DogBreeds.Core.Features;

/// <summary>
/// Kaggle's <c>labels.csv</c>: a header naming an <c>id</c> and a <c>breed</c> column, then one photo a line
/// (id = file name without extension). Read by the photo catalog (files) and the Functions app (a blob).
/// </summary>
public static class KaggleLabels
{
    /// <summary>
    /// Parses <paramref name="text"/>: id -> breed, the first label of an id kept. Lines it cannot use
    /// (no id or breed, an unknown breed, a conflicting second label) go into <paramref name="problems"/>.
    /// </summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="source">The file or blob name, for sentences.</param>
    /// <param name="knownBreeds">When given, labels with other breeds are reported and dropped.</param>
    /// <param name="problems">Receives one problem per line that was not used.</param>
    /// <exception cref="InvalidDataException">The file is empty or its header has no <c>id</c> and <c>breed</c> columns.</exception>
    public static Dictionary<string, string> Parse(string text, string source, IReadOnlySet<string>? knownBreeds, ICollection<CatalogProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0]))
        {
            throw new InvalidDataException($"Labels file '{source}' is empty.");
        }

        var header = lines[0].Split(',').Select(h => h.Trim().Trim('"').TrimStart('\uFEFF')).ToList();
        var idColumn = header.FindIndex(h => h.Equals("id", StringComparison.OrdinalIgnoreCase));
        var breedColumn = header.FindIndex(h => h.Equals("breed", StringComparison.OrdinalIgnoreCase));
        if (idColumn < 0 || breedColumn < 0)
        {
            throw new InvalidDataException($"Labels file '{source}' has no 'id' and 'breed' columns in its header line '{lines[0]}'.");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = lines[i].Split(',').Select(c => c.Trim().Trim('"')).ToArray();
            if (cells.Length <= Math.Max(idColumn, breedColumn) || cells[idColumn].Length == 0)
            {
                problems.Add(new CatalogProblem(CatalogProblemKind.BadLabelsFile, $"Line {i + 1} of '{source}' does not have an id and a breed."));
                continue;
            }

            var id = cells[idColumn];
            var breed = cells[breedColumn];
            if (breed.Length == 0)
            {
                problems.Add(new CatalogProblem(CatalogProblemKind.UnknownBreed, $"Label '{id}' on line {i + 1} of '{source}' has an empty breed."));
                continue;
            }

            if (knownBreeds is not null && !knownBreeds.Contains(breed))
            {
                problems.Add(new CatalogProblem(CatalogProblemKind.UnknownBreed, $"Label '{id}' on line {i + 1} of '{source}' has breed '{breed}', which is not a known breed."));
                continue;
            }

            if (labels.TryGetValue(id, out var previous))
            {
                if (previous != breed)
                {
                    problems.Add(new CatalogProblem(CatalogProblemKind.ConflictingLabels, $"Photo '{id}' is labelled both '{previous}' and '{breed}' in '{source}'; '{previous}' is kept."));
                }

                continue;
            }

            labels.Add(id, breed);
        }

        return labels;
    }
}
