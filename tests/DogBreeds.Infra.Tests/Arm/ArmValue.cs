using System.Text.Json;
using System.Text.Json.Nodes;

namespace DogBreeds.Infra.Tests.Arm;

/// <summary>Turns template JSON into evaluated values: strings, longs, bools, lists, maps or <see cref="ArmExpression.Unknown"/>.</summary>
internal static class ArmValue
{
    public static object? FromJson(JsonNode? node, ArmScope scope) => node switch
    {
        null => null,
        JsonObject map => map.ToDictionary(p => p.Key, p => FromJson(p.Value, scope), StringComparer.OrdinalIgnoreCase),
        JsonArray list => list.Select(item => FromJson(item, scope)).ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => ArmExpression.EvaluateString(value.GetValue<string>(), scope),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) => number,
        _ => ArmExpression.Unknown,
    };

    public static bool IsUnknown(object? value) => ReferenceEquals(value, ArmExpression.Unknown);
}
