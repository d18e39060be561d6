using System.Globalization;
using System.Text;

namespace DogBreeds.Infra.Tests.Arm;

/// <summary>
/// A small evaluator for the ARM template language expressions the Bicep compiler emits
/// ("[equals(parameters('hosting'), 'gpu')]"), enough to decide conditions and read names, role ids
/// and settings. What it cannot know before deployment (reference(), outputs, ids of other
/// deployments) evaluates to <see cref="Unknown"/>, which a test treats as "not decidable here".
/// </summary>
internal sealed class ArmExpression
{
    private readonly string _text;
    private int _position;

    private ArmExpression(string text) => _text = text;

    /// <summary>The value of an expression that cannot be known before deployment.</summary>
    public static readonly object Unknown = new UnknownValue();

    /// <summary>Evaluates a template string value: "[...]" is an expression, "[[..." an escaped literal, anything else a literal.</summary>
    public static object? EvaluateString(string value, ArmScope scope)
    {
        if (value.StartsWith("[[", StringComparison.Ordinal))
        {
            return value[1..];
        }

        if (value.Length >= 2 && value[0] == '[' && value[^1] == ']')
        {
            var parser = new ArmExpression(value[1..^1]);
            var node = parser.ParseExpression();
            parser.SkipSpaces();
            if (parser._position != parser._text.Length)
            {
                throw new FormatException($"Unexpected text at {parser._position} in the ARM expression \"{value}\".");
            }

            return node(scope);
        }

        return value;
    }

    private Func<ArmScope, object?> ParseExpression()
    {
        SkipSpaces();
        var primary = ParsePrimary();
        while (true)
        {
            SkipSpaces();
            if (Peek('.'))
            {
                _position++;
                var member = ReadIdentifier();
                var target = primary;
                primary = scope => Member(target(scope), member);
            }
            else if (Peek('['))
            {
                _position++;
                var index = ParseExpression();
                Expect(']');
                var target = primary;
                primary = scope => Index(target(scope), index(scope));
            }
            else
            {
                return primary;
            }
        }
    }

    private Func<ArmScope, object?> ParsePrimary()
    {
        if (Peek('\''))
        {
            var literal = ReadString();
            return _ => literal;
        }

        if (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] == '-'))
        {
            var start = _position++;
            while (_position < _text.Length && char.IsDigit(_text[_position]))
            {
                _position++;
            }

            var number = long.Parse(_text[start.._position], CultureInfo.InvariantCulture);
            return _ => number;
        }

        var name = ReadIdentifier();
        SkipSpaces();
        if (name is "true" or "false" && !Peek('('))
        {
            var flag = name == "true";
            return _ => flag;
        }

        Expect('(');
        var arguments = new List<Func<ArmScope, object?>>();
        SkipSpaces();
        if (!Peek(')'))
        {
            do
            {
                SkipSpaces();
                arguments.Add(ParseExpression());
                SkipSpaces();
            }
            while (TryConsume(','));
        }

        Expect(')');
        return scope => ArmFunctions.Call(name, arguments, scope);
    }

    private static object? Member(object? target, string member) => target switch
    {
        IReadOnlyDictionary<string, object?> map => map.TryGetValue(member, out var value) ? value : Unknown,
        _ => Unknown,
    };

    private static object? Index(object? target, object? index) => (target, index) switch
    {
        (IReadOnlyList<object?> list, long i) => i >= 0 && i < list.Count ? list[(int)i] : throw new InvalidOperationException($"Index {i} is outside an array of {list.Count}."),
        (IReadOnlyDictionary<string, object?> map, string key) => map.TryGetValue(key, out var value) ? value : Unknown,
        _ => Unknown,
    };

    private string ReadString()
    {
        Expect('\'');
        var text = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new FormatException($"Unterminated string in the ARM expression \"{_text}\".");
            }

            var c = _text[_position++];
            if (c == '\'')
            {
                if (Peek('\''))
                {
                    text.Append('\'');
                    _position++;
                    continue;
                }

                return text.ToString();
            }

            text.Append(c);
        }
    }

    private string ReadIdentifier()
    {
        SkipSpaces();
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '$'))
        {
            _position++;
        }

        return start == _position
            ? throw new FormatException($"Expected a name at {start} in the ARM expression \"{_text}\".")
            : _text[start.._position];
    }

    internal void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private bool Peek(char c) => _position < _text.Length && _text[_position] == c;

    private bool TryConsume(char c)
    {
        SkipSpaces();
        if (Peek(c))
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw new FormatException($"Expected '{c}' at {_position} in the ARM expression \"{_text}\".");
        }
    }

    private sealed class UnknownValue
    {
        public override string ToString() => "<unknown before deployment>";
    }
}
