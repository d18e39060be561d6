using System.Text.RegularExpressions;

namespace DogBreeds.Infra.Tests;

/// <summary>The repository's Dockerfile, read as instructions (continuation lines joined, global ARG defaults substituted).</summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<(string Keyword, string Arguments)> instructions, IReadOnlyDictionary<string, string> arguments)
    {
        Instructions = instructions;
        Arguments = arguments;
    }

    public IReadOnlyList<(string Keyword, string Arguments)> Instructions { get; }

    /// <summary>ARG defaults declared before the first FROM.</summary>
    public IReadOnlyDictionary<string, string> Arguments { get; }

    /// <summary>Images of the FROM instructions, with ARG defaults substituted.</summary>
    public IReadOnlyList<string> BaseImages =>
        Instructions.Where(i => i.Keyword == "FROM").Select(i => Substitute(i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0])).ToList();

    /// <summary>Instructions of the last stage (what runs in Azure).</summary>
    public IReadOnlyList<(string Keyword, string Arguments)> FinalStage =>
        Instructions.Skip(Instructions.Select((i, n) => (i, n)).Last(x => x.i.Keyword == "FROM").n).ToList();

    public static Dockerfile Load(string path)
    {
        var logical = new List<string>();
        var current = string.Empty;
        foreach (var line in File.ReadAllLines(path))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('#') && current.Length == 0)
            {
                continue;
            }

            if (trimmed.EndsWith('\\'))
            {
                current += trimmed[..^1] + " ";
                continue;
            }

            current += trimmed;
            if (current.Trim().Length > 0)
            {
                logical.Add(current.Trim());
            }

            current = string.Empty;
        }

        var instructions = logical.Select(l => (Keyword: l.Split(' ', 2)[0].ToUpperInvariant(), Arguments: l.Split(' ', 2).ElementAtOrDefault(1) ?? string.Empty)).ToList();
        var arguments = instructions.TakeWhile(i => i.Keyword != "FROM").Where(i => i.Keyword == "ARG" && i.Arguments.Contains('=', StringComparison.Ordinal))
            .Select(i => i.Arguments.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        return new Dockerfile(instructions, arguments);
    }

    private string Substitute(string text) => ArgumentReference().Replace(text, m => Arguments.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\$\{(\w+)\}")]
    private static partial Regex ArgumentReference();
}
