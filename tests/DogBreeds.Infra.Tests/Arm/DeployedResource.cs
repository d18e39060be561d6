using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DogBreeds.Infra.Tests.Arm;

/// <summary>One resource a deployment would create, with the scope its expressions are evaluated in.</summary>
internal sealed record DeployedResource(string Type, JsonObject Definition, ArmScope Scope, string Module)
{
    private static readonly JsonSerializerOptions s_readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Evaluates a property path such as "properties.minimumTlsVersion" (Unknown when not decidable before deployment).</summary>
    public object? Evaluate(string path)
    {
        JsonNode? node = Definition;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject map ? FindKey(map, segment) : null;
            if (node is null)
            {
                return null;
            }
        }

        return ArmValue.FromJson(node, Scope);
    }

    /// <summary>The resource name, '*' standing for the parts not known before deployment (hashed names).</summary>
    public string Name => Evaluate("name") switch
    {
        string known => known,
        PartlyKnown partly => partly.Pattern,
        _ => "*",
    };

    /// <summary>The raw template text of a property path (an expression string stays unevaluated).</summary>
    public string? Raw(string path)
    {
        JsonNode? node = Definition;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject map ? FindKey(map, segment) : null;
        }

        return node switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => node.ToJsonString(s_readable),
        };
    }

    public override string ToString() => $"{Type} in {Module}";

    private static JsonNode? FindKey(JsonObject map, string key) =>
        map.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}
