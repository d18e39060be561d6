using System.Globalization;
using System.Text.RegularExpressions;

namespace DogBreeds.Infra.Tests.Arm;

/// <summary>The template functions <see cref="ArmExpression"/> knows; the rest evaluate to Unknown.</summary>
internal static partial class ArmFunctions
{
    public static object? Call(string name, IReadOnlyList<Func<ArmScope, object?>> arguments, ArmScope scope)
    {
        switch (name.ToLowerInvariant())
        {
            case "if":
                var condition = arguments[0](scope);
                return condition is bool flag ? arguments[flag ? 1 : 2](scope) : ArmExpression.Unknown;
            case "and":
                return Logical(arguments, scope, stopOn: false);
            case "or":
                return Logical(arguments, scope, stopOn: true);
            default:
                break;
        }

        var values = arguments.Select(argument => argument(scope)).ToList();
        switch (name.ToLowerInvariant())
        {
            case "parameters":
                return scope.Parameter((string)values[0]!);
            case "variables":
                return scope.Variable((string)values[0]!);
            case "copyindex":
                return scope.CopyIndex is long index
                    ? index + (values.Count > 0 && values[0] is long offset ? offset : 0)
                    : throw new InvalidOperationException("copyIndex() outside a copy loop.");
            case "createobject":
                return Enumerable.Range(0, values.Count / 2).ToDictionary(i => (string)values[2 * i]!, i => values[(2 * i) + 1], StringComparer.OrdinalIgnoreCase);
            case "createarray":
                return values;
            case "resourceid":
            case "subscriptionresourceid":
                // The resource type and names matter to the tests; the subscription and group are not known here.
                var parts = values.Select(v => ArmValue.IsUnknown(v) ? "*" : Convert.ToString(v, CultureInfo.InvariantCulture));
                return name.Equals("resourceId", StringComparison.OrdinalIgnoreCase)
                    ? $"/subscriptions/*/resourceGroups/*/providers/{values[0]}/{string.Join('/', parts.Skip(1))}"
                    : $"/subscriptions/*/providers/{values[0]}/{string.Join('/', parts.Skip(1))}";
            case "format" when values.Any(v => ArmValue.IsUnknown(v) || v is PartlyKnown):
                // Names are often formatted from hashed parts: keep the known text, '*' for the rest.
                return new PartlyKnown(FormatPlaceholder().Replace(Text(values[0]), m => Text(values[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1])));
            case "empty" when values[0] is PartlyKnown partly && partly.Pattern.Replace("*", string.Empty, StringComparison.Ordinal).Length > 0:
                return false;
            case "json":
                return values[0] is string json && double.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : ArmExpression.Unknown;
            default:
                break;
        }

        if (values.Any(v => ArmValue.IsUnknown(v) || v is PartlyKnown))
        {
            return ArmExpression.Unknown;
        }

        return name.ToLowerInvariant() switch
        {
            "equals" => Equals(values[0], values[1]),
            "greater" => Compare(values) is int c1 ? c1 > 0 : ArmExpression.Unknown,
            "greaterorequals" => Compare(values) is int c2 ? c2 >= 0 : ArmExpression.Unknown,
            "less" => Compare(values) is int c3 ? c3 < 0 : ArmExpression.Unknown,
            "lessorequals" => Compare(values) is int c4 ? c4 <= 0 : ArmExpression.Unknown,
            "not" => values[0] is bool b ? !b : ArmExpression.Unknown,
            "empty" => values[0] switch
            {
                null => true,
                string s => s.Length == 0,
                IReadOnlyCollection<object?> list => list.Count == 0,
                IReadOnlyDictionary<string, object?> map => map.Count == 0,
                _ => ArmExpression.Unknown,
            },
            "length" => values[0] switch
            {
                string s => (long)s.Length,
                IReadOnlyCollection<object?> list => (long)list.Count,
                _ => ArmExpression.Unknown,
            },
            "concat" => values.All(v => v is IReadOnlyList<object?>)
                ? values.SelectMany(v => (IReadOnlyList<object?>)v!).ToList()
                : string.Concat(values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))),
            "format" => FormatPlaceholder().Replace((string)values[0]!, m => Convert.ToString(values[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1], CultureInfo.InvariantCulture) ?? string.Empty),
            "tolower" => ((string)values[0]!).ToLowerInvariant(),
            "toupper" => ((string)values[0]!).ToUpperInvariant(),
            "take" => values[0] is string s ? s[..Math.Min(s.Length, (int)(long)values[1]!)] : ArmExpression.Unknown,
            "union" => values.All(v => v is IReadOnlyDictionary<string, object?>)
                ? values.SelectMany(v => (IReadOnlyDictionary<string, object?>)v!).GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase)
                : ArmExpression.Unknown,
            // Everything that depends on the deployment itself: names hashed from the subscription,
            // other deployments' outputs, the caller, the current time.
            _ => ArmExpression.Unknown,
        };
    }

    private static int? Compare(List<object?> values) => (values[0], values[1]) switch
    {
        (long l, long r) => l.CompareTo(r),
        (string l, string r) => string.CompareOrdinal(l, r),
        _ => null,
    };

    private static string Text(object? value) => value switch
    {
        PartlyKnown partly => partly.Pattern,
        _ when ArmValue.IsUnknown(value) => "*",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static object Logical(IReadOnlyList<Func<ArmScope, object?>> arguments, ArmScope scope, bool stopOn)
    {
        var unknown = false;
        foreach (var argument in arguments)
        {
            var value = argument(scope);
            if (value is bool flag)
            {
                if (flag == stopOn)
                {
                    return stopOn;
                }
            }
            else
            {
                unknown = true;
            }
        }

        return unknown ? ArmExpression.Unknown : !stopOn;
    }

    private static new bool Equals(object? left, object? right) => (left, right) switch
    {
        (string l, string r) => string.Equals(l, r, StringComparison.OrdinalIgnoreCase),
        _ => object.Equals(left, right),
    };

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex FormatPlaceholder();
}
