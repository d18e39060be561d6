using DogBreeds.Infra.Tests.Arm;

namespace DogBreeds.Infra.Tests;

/// <summary>Queries over the resources a deployment creates.</summary>
internal static class DeployedResources
{
    public static IReadOnlyList<DeployedResource> OfType(this IEnumerable<DeployedResource> resources, string type) =>
        resources.Where(r => r.Type.Equals(type, StringComparison.OrdinalIgnoreCase)).ToList();

    public static DeployedResource Single(this IEnumerable<DeployedResource> resources, string type)
    {
        var matches = resources.OfType(type);
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"Expected one {type}, found {matches.Count}.");
    }

    /// <summary>Name/value pairs of an app settings array (values are Unknown when they come from other deployments).</summary>
    public static IReadOnlyDictionary<string, object?> Settings(object? settings) =>
        ((IReadOnlyList<object?>)settings!)
            .Cast<IReadOnlyDictionary<string, object?>>()
            .ToDictionary(s => (string)s["name"]!, s => s["value"], StringComparer.Ordinal);
}
