namespace DogBreeds.Cli.Console;

/// <summary>
/// Collects what was wrong with a batch's input (unreadable photos, stray labels, unknown breeds...)
/// so the run can go on and say at the end how many of each it met. Thread-safe.
/// </summary>
internal sealed class ProblemReport(TextWriter writer, int detailLines = 10)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _printed;

    /// <summary>Problems counted so far.</summary>
    public int Total
    {
        get
        {
            lock (_gate)
            {
                return _counts.Values.Sum();
            }
        }
    }

    /// <summary>Records one problem of <paramref name="kind"/>; the first few are printed in full.</summary>
    public void Add(string kind, string sentence)
    {
        lock (_gate)
        {
            _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
            if (_printed++ < detailLines)
            {
                writer.WriteLine($"warning: {sentence}");
            }
        }
    }

    /// <summary>Prints one line per kind with its count, when there was anything.</summary>
    public void PrintSummary()
    {
        lock (_gate)
        {
            if (_counts.Count == 0)
            {
                return;
            }

            var total = _counts.Values.Sum();
            writer.WriteLine($"{total} input problem{(total == 1 ? string.Empty : "s")} (the run went on without them{(_printed > detailLines ? $"; the first {detailLines} are shown above" : string.Empty)}):");
            foreach (var (kind, count) in _counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteLine($"  {count,6}  {kind}");
            }
        }
    }
}
