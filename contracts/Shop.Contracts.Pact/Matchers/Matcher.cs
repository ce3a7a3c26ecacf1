using System.Text.Json.Nodes;

namespace Shop.Contracts.Pact.Matchers;

/// <summary>
/// A Pact matching rule for one field of a message. The example value is the field's value in the
/// message you declare; the matcher loosens what the other side may send (see <see cref="Match"/>).
/// </summary>
public sealed class Matcher
{
    private readonly Func<JsonNode?, string, JsonNode> _wrap;

    internal Matcher(string name, Func<JsonNode?, string, JsonNode> wrap)
    {
        Name = name;
        _wrap = wrap;
    }

    /// <summary>A short name for messages, e.g. <c>regex ^u-\d+$</c>.</summary>
    public string Name { get; }

    /// <summary>The Pact integration JSON (<c>{"pact:matcher:type": ...}</c>) for <paramref name="example"/> at <paramref name="path"/>.</summary>
    internal JsonNode Wrap(JsonNode? example, string path) => _wrap(example, path);

    /// <inheritdoc />
    public override string ToString() => Name;
}
