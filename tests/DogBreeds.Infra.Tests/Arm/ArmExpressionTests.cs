using System.Text.Json.Nodes;

namespace DogBreeds.Infra.Tests.Arm;

public sealed class ArmExpressionTests
{
    private static readonly ArmScope s_scope = new(
        new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["hosting"] = "gpu", ["key"] = "", ["count"] = 3L },
        JsonNode.Parse("""{ "isGpu": "[equals(parameters('hosting'), 'gpu')]", "roles": ["a", "b"], "token": "[uniqueString(subscription().id)]" }""")!.AsObject());

    [Theory]
    [InlineData("[equals(parameters('hosting'), 'gpu')]", true)]
    [InlineData("[variables('isGpu')]", true)]
    [InlineData("[not(empty(parameters('key')))]", false)]
    [InlineData("[and(variables('isGpu'), greater(parameters('count'), 2))]", true)]
    [InlineData("[or(equals(parameters('hosting'), 'cpu'), less(parameters('count'), 1))]", false)]
    [InlineData("[if(variables('isGpu'), 'x', 'y')]", "x")]
    [InlineData("[variables('roles')[1]]", "b")]
    [InlineData("[createObject('value', 'v').value]", "v")]
    [InlineData("[format('{0}-{1}', 'a', parameters('count'))]", "a-3")]
    [InlineData("[[literal]", "[literal]")]
    [InlineData("plain", "plain")]
    public void EvaluateString_KnownValues_GivesTheValue(string expression, object expected)
    {
        var sut = ArmExpression.EvaluateString(expression, s_scope);

        Assert.Equal(expected, sut);
    }

    [Fact]
    public void EvaluateString_DeploymentDependent_IsUnknown()
    {
        var sut = ArmExpression.EvaluateString("[equals(variables('token'), 'abc')]", s_scope);

        Assert.Same(ArmExpression.Unknown, sut);
    }

    [Fact]
    public void EvaluateString_FormatWithUnknownPart_KeepsTheKnownText()
    {
        var sut = ArmExpression.EvaluateString("[format('st{0}/default/{1}', variables('token'), 'images')]", s_scope);

        Assert.Equal(new PartlyKnown("st*/default/images"), sut);
    }

    [Fact]
    public void EvaluateString_ResourceIdWithUnknownName_KeepsTheType()
    {
        var sut = ArmExpression.EvaluateString("[resourceId('Microsoft.Storage/storageAccounts', variables('token'))]", s_scope);

        Assert.Equal("/subscriptions/*/resourceGroups/*/providers/Microsoft.Storage/storageAccounts/*", sut);
    }

    [Fact]
    public void EvaluateString_Malformed_ThrowsNamingTheExpression()
    {
        var sut = Assert.Throws<FormatException>(() => ArmExpression.EvaluateString("[equals(parameters('hosting'), 'gpu']", s_scope));

        Assert.Contains("equals(parameters('hosting')", sut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_UndecidableCondition_Throws()
    {
        var template = JsonNode.Parse("""
            { "parameters": {}, "variables": { "token": "[uniqueString(subscription().id)]" },
              "resources": [ { "type": "Microsoft.Storage/storageAccounts", "name": "x", "condition": "[equals(variables('token'), 'a')]" } ] }
            """)!.AsObject();

        var sut = Assert.Throws<InvalidOperationException>(() => ArmDeployment.Expand(template, new Dictionary<string, object?>()));

        Assert.Contains("cannot be decided before deployment", sut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_CopyLoopAndFalseCondition_RepeatsAndSkips()
    {
        var template = JsonNode.Parse("""
            { "parameters": { "on": { "type": "bool", "defaultValue": false } }, "variables": { "names": ["a", "b", "c"] },
              "resources": [
                { "type": "T/loop", "name": "[variables('names')[copyIndex()]]", "copy": { "name": "l", "count": "[length(variables('names'))]" } },
                { "type": "T/off", "name": "off", "condition": "[parameters('on')]" } ] }
            """)!.AsObject();

        var sut = ArmDeployment.Expand(template, new Dictionary<string, object?>());

        Assert.Equal(["a", "b", "c"], sut.Select(r => r.Name));
    }
}
