using System.Text.Json.Nodes;

namespace DogBreeds.Infra.Tests.Arm;

/// <summary>
/// Walks a compiled template the way Resource Manager would for given parameter values: conditions
/// decide which resources (and nested module deployments) exist, copy loops repeat them, and module
/// parameters are evaluated in the parent's scope. A condition that cannot be decided before
/// deployment is an error: the tests must know what each hosting choice creates.
/// </summary>
internal static class ArmDeployment
{
    public static IReadOnlyList<DeployedResource> Expand(JsonObject template, IReadOnlyDictionary<string, object?> parameterValues)
    {
        var resources = new List<DeployedResource>();
        ExpandTemplate(template, parameterValues, "main", resources);
        return resources;
    }

    private static void ExpandTemplate(JsonObject template, IReadOnlyDictionary<string, object?> given, string module, List<DeployedResource> into)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var scope = new ArmScope(parameters, template["variables"] as JsonObject);
        foreach (var (name, definition) in (template["parameters"] as JsonObject) ?? [])
        {
            // Defaults may refer to earlier parameters, so they are evaluated in the same scope.
            parameters[name] = given.TryGetValue(name, out var value)
                ? value
                : definition?["defaultValue"] is JsonNode fallback ? ArmValue.FromJson(fallback, scope) : ArmExpression.Unknown;
        }

        var resourceNodes = template["resources"] switch
        {
            JsonArray list => list.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };

        foreach (var resource in resourceNodes)
        {
            if (resource["existing"]?.GetValue<bool>() == true)
            {
                continue;
            }

            var instances = resource["copy"] is JsonObject copy
                ? Enumerable.Range(0, Convert.ToInt32(ArmValue.FromJson(copy["count"], scope), System.Globalization.CultureInfo.InvariantCulture)).Select(i => scope.WithCopyIndex(i))
                : [scope];
            foreach (var instanceScope in instances)
            {
                if (resource["condition"] is JsonNode conditionNode)
                {
                    var condition = ArmValue.FromJson(conditionNode, instanceScope);
                    if (condition is not bool deploys)
                    {
                        throw new InvalidOperationException($"The condition {conditionNode.ToJsonString()} of a {resource["type"]} in {module} cannot be decided before deployment.");
                    }

                    if (!deploys)
                    {
                        continue;
                    }
                }

                var type = resource["type"]!.GetValue<string>();
                into.Add(new DeployedResource(type, resource, instanceScope, module));
                if (type.Equals("Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase)
                    && resource["properties"]?["template"] is JsonObject nested)
                {
                    var moduleName = Convert.ToString(ArmValue.FromJson(resource["name"], instanceScope), System.Globalization.CultureInfo.InvariantCulture) ?? "?";
                    ExpandTemplate(nested, ModuleParameters(resource, instanceScope), moduleName, into);
                }
            }
        }
    }

    private static Dictionary<string, object?> ModuleParameters(JsonObject deployment, ArmScope parentScope)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, node) in (deployment["properties"]?["parameters"] as JsonObject) ?? [])
        {
            // A parameter is { "value": ... } or, when Bicep chose between two, an expression yielding that object.
            var entry = ArmValue.FromJson(node, parentScope);
            values[name] = entry is IReadOnlyDictionary<string, object?> map && map.TryGetValue("value", out var value) ? value : ArmExpression.Unknown;
        }

        return values;
    }
}
