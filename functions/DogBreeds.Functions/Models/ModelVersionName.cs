using System.Globalization;

namespace DogBreeds.Functions.Models;

/// <summary>Version names: sortable by time, unique per run, safe as a blob folder name.</summary>
public static class ModelVersionName
{
    /// <summary><c>v20261204-164200-1a2b3c</c>: the orchestration's (replay-safe) time and the first six characters of its instance id.</summary>
    public static string Create(DateTime utc, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        string run = new(instanceId.Where(char.IsAsciiLetterOrDigit).Take(6).Select(char.ToLowerInvariant).ToArray());
        return string.Create(CultureInfo.InvariantCulture, $"v{utc:yyyyMMdd-HHmmss}-{run}");
    }

    /// <summary>True for names this app could have written (checked before a name reaches a blob path).</summary>
    public static bool IsValid(string? version) =>
        !string.IsNullOrEmpty(version) && version.Length <= 64 && version[0] == 'v' &&
        version.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
