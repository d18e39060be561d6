using System.Text.Json.Nodes;

namespace DogBreeds.Infra.Tests.Arm;

/// <summary>What an expression sees: the parameter values and variables of one (nested) template, and the copy index.</summary>
internal sealed class ArmScope(IReadOnlyDictionary<string, object?> parameters, JsonObject? variables, long? copyIndex = null)
{
    private readonly Dictionary<string, object?> _variableValues = new(StringComparer.OrdinalIgnoreCase);

    public long? CopyIndex { get; } = copyIndex;

    public ArmScope WithCopyIndex(long index) => new(parameters, variables, index);

    public object? Parameter(string name) =>
        parameters.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"The template has no parameter '{name}'.");

    public object? Variable(string name)
    {
        if (_variableValues.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var node = variables?[name] ?? throw new KeyNotFoundException($"The template has no variable '{name}'.");
        var value = ArmValue.FromJson(node, this);
        _variableValues[name] = value;
        return value;
    }
}
