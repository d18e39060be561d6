namespace DogBreeds.Infra.Tests;

/// <summary>Exit code and output of one Bicep CLI run; diagnostics are the "Error"/"Warning" lines it prints.</summary>
internal sealed record BicepRun(int ExitCode, string Output, string Errors)
{
    public IReadOnlyList<string> Diagnostics =>
        (Output + "\n" + Errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains(" : Error ", StringComparison.Ordinal) || line.Contains(" : Warning ", StringComparison.Ordinal) || line.Contains(" : Info ", StringComparison.Ordinal))
            .ToList();
}
