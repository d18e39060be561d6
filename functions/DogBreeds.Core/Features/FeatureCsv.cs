using System.Globalization;
using System.Text;

namespace DogBreeds.Core.Features;

/// <summary>
/// Labelled feature vectors as CSV, in the format the scikit-learn peer script reads: one header line
/// <c>label,f0,f1,...</c>, then one photo per line, the label first and the values after it
/// (invariant culture, round-trip precision). Ids are not part of that format; when read, rows get the
/// ids "row0", "row1", ... A file whose header starts with <c>id,label,</c> is read too (ids first).
/// </summary>
public static class FeatureCsv
{
    /// <summary>Writes rows as CSV (label first). <paramref name="values"/> is row-major, labels.Count rows.</summary>
    /// <exception cref="ArgumentException">Shapes disagree or a label contains a comma, quote or line break.</exception>
    public static void Write(TextWriter writer, IReadOnlyList<string> labels, ReadOnlySpan<float> values) =>
        Write(writer, null, labels, values);

    /// <summary>
    /// Writes rows as CSV. Without <paramref name="ids"/>: <c>label,f0,...</c> (what sklearn_fit.py reads).
    /// With ids: <c>id,label,f0,...</c>, which <see cref="Read(string)"/> reads back with the ids but the
    /// scikit-learn peer script does not.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes disagree or a label or id contains a comma, quote or line break.</exception>
    public static void Write(TextWriter writer, IReadOnlyList<string>? ids, IReadOnlyList<string> labels, ReadOnlySpan<float> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0 || values.Length % labels.Count != 0 || values.Length == 0)
        {
            throw new ArgumentException($"{values.Length} values cannot be split evenly into {labels.Count} rows.", nameof(values));
        }

        var columns = values.Length / labels.Count;
        if (ids is not null && ids.Count != labels.Count)
        {
            throw new ArgumentException($"There are {ids.Count} ids for {labels.Count} rows.", nameof(ids));
        }

        var line = new StringBuilder(columns * 12);
        line.Append(ids is null ? "label" : "id,label");
        for (var j = 0; j < columns; j++)
        {
            line.Append(",f").Append(j.ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteLine(line.ToString());
        for (var r = 0; r < labels.Count; r++)
        {
            var label = labels[r];
            if (string.IsNullOrEmpty(label) || label.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                throw new ArgumentException($"Label '{label}' of row {r} is empty or holds a comma, quote or line break, which the feature CSV cannot store.", nameof(labels));
            }

            line.Clear();
            if (ids is not null)
            {
                if (string.IsNullOrEmpty(ids[r]) || ids[r].AsSpan().IndexOfAny(",\"\r\n") >= 0)
                {
                    throw new ArgumentException($"Id '{ids[r]}' of row {r} is empty or holds a comma, quote or line break, which the feature CSV cannot store.", nameof(ids));
                }

                line.Append(ids[r]).Append(',');
            }

            line.Append(label);
            foreach (var v in values.Slice(r * columns, columns))
            {
                line.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
            }

            writer.WriteLine(line.ToString());
        }
    }

    /// <summary>Writes a whole table as CSV (label first; ids are not written).</summary>
    public static void Write(TextWriter writer, LabelledFeatures data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Write(writer, data.Labels.Select(l => data.Classes[l]).ToArray(), data.Values);
    }

    /// <summary>Reads a feature CSV file.</summary>
    /// <exception cref="FormatException">The file is empty, a line has a wrong number of fields or a value is not a number.</exception>
    public static LabelledFeatures Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads feature CSV text; <paramref name="sourceName"/> names the source in error messages.</summary>
    /// <exception cref="FormatException">The text is empty, a line has a wrong number of fields or a value is not a number.</exception>
    public static LabelledFeatures Read(TextReader reader, string sourceName = "feature CSV")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new FormatException($"Feature CSV '{sourceName}' is empty; it needs a header line and at least one row.");
        var headerFields = header.Split(',');
        var hasIds = headerFields.Length > 1 && headerFields[0].Trim() == "id" && headerFields[1].Trim() == "label";
        if (!hasIds && !header.StartsWith("label", StringComparison.Ordinal))
        {
            throw new FormatException($"Feature CSV '{sourceName}' must start with a header line 'label,f0,...' (or 'id,label,f0,...'), but starts with '{Truncate(header)}'.");
        }

        var first = hasIds ? 2 : 1;
        var columns = headerFields.Length - first;
        if (columns <= 0)
        {
            throw new FormatException($"Feature CSV '{sourceName}' has no feature columns in its header.");
        }

        var rows = new List<(string Id, string Breed, float[] Features)>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != headerFields.Length)
            {
                throw new FormatException($"Line {lineNumber} of feature CSV '{sourceName}' has {fields.Length} fields, but the header has {headerFields.Length}.");
            }

            var features = new float[columns];
            for (var j = 0; j < columns; j++)
            {
                if (!float.TryParse(fields[first + j], NumberStyles.Float, CultureInfo.InvariantCulture, out features[j]) || !float.IsFinite(features[j]))
                {
                    throw new FormatException($"Line {lineNumber} of feature CSV '{sourceName}' has '{Truncate(fields[first + j])}' in column {first + j + 1}, which is not a finite number.");
                }
            }

            var id = hasIds ? fields[0] : "row" + (rows.Count).ToString(CultureInfo.InvariantCulture);
            rows.Add((id, fields[first - 1], features));
        }

        if (rows.Count == 0)
        {
            throw new FormatException($"Feature CSV '{sourceName}' has a header but no rows.");
        }

        try
        {
            return LabelledFeatures.Create(rows);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Feature CSV '{sourceName}' is not a valid table: {e.Message}", e);
        }
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
