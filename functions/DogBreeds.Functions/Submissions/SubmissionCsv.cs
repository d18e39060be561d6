using System.Globalization;
using System.Text;

namespace DogBreeds.Functions.Submissions;

/// <summary>
/// Kaggle submission rows: <c>id</c> then one probability per breed in the model's sorted class order; each
/// row is renormalised in double precision so that it sums to 1.
/// </summary>
public static class SubmissionCsv
{
    /// <summary>The header line (no newline).</summary>
    public static string Header(IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return "id," + string.Join(',', classes);
    }

    /// <summary>Appends one row (with newline); null probabilities give the uniform distribution.</summary>
    public static void AppendRow(StringBuilder text, string id, ReadOnlySpan<float> probabilities, int classes)
    {
        ArgumentNullException.ThrowIfNull(text);
        text.Append(id);
        if (probabilities.IsEmpty)
        {
            string uniform = (1.0 / classes).ToString("0.#########", CultureInfo.InvariantCulture);
            for (int i = 0; i < classes; i++)
            {
                text.Append(',').Append(uniform);
            }
        }
        else
        {
            double sum = 0;
            foreach (float p in probabilities)
            {
                sum += Math.Max(p, 0);
            }

            foreach (float p in probabilities)
            {
                double value = sum > 0 ? Math.Max(p, 0) / sum : 1.0 / probabilities.Length;
                text.Append(',').Append(value.ToString("0.#########", CultureInfo.InvariantCulture));
            }
        }

        text.Append('\n');
    }
}
