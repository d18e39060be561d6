namespace DogBreeds.Functions.Training;

/// <summary>Kaggle <c>labels.csv</c> (<c>id,breed</c>, one header line): id (file name without extension) -> breed.</summary>
public static class KaggleLabels
{
    /// <summary>Parses the CSV; the first row for an id wins, blank lines are skipped.</summary>
    /// <exception cref="InvalidDataException">The header is not <c>id,breed</c>.</exception>
    public static Dictionary<string, string> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new StringReader(text);
        string? header = reader.ReadLine()?.Trim().TrimStart('\uFEFF');
        if (header is null || !header.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("id,breed", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"The labels file '{source}' must start with the header 'id,breed', but starts with '{header}'.");
        }

        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            int comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma <= 0)
            {
                continue;
            }

            string id = line[..comma].Trim();
            string breed = line[(comma + 1)..].Trim();
            if (id.Length > 0 && breed.Length > 0)
            {
                labels.TryAdd(id, breed);
            }
        }

        return labels;
    }
}
