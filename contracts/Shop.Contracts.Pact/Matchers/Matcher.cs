using System.Text.Json.Nodes;

namespace Shop.Contracts.Pact.Matchers;

/// <summary>
/// A Pact matching rule written around its example, in place of the value in a message body:
/// <c>new { user = new { email = Match.Type("ann@example.com") } }</c>. The example is what the mock
/// answers (or the request the consumer is expected to send); the rule loosens what the other side
/// may send instead (see <see cref="Match"/>).
/// </summary>
public sealed class Matcher
{
    private readonly Func<JsonNode?, string, JsonNode> wrap;

    internal Matcher(string name, object? example, Func<JsonNode?, string, JsonNode> wrap, bool eachLike = false)
    {
        if (example is Matcher)
        {
            throw new ArgumentException($"The example of a {name} matcher is another matcher; give the value it stands for.", nameof(example));
        }

        Name = name;
        Example = example;
        EachLike = eachLike;
        this.wrap = wrap;
    }

    /// <summary>A short name for messages, e.g. <c>regex ^u-\d+$</c>.</summary>
    public string Name { get; }

    /// <summary>The example value: a string, number, enum, message, list, or an object of fields (which may hold matchers).</summary>
    internal object? Example { get; }

    /// <summary>True when <see cref="Example"/> is one element of a repeated field rather than the field's value.</summary>
    internal bool EachLike { get; }

    /// <summary>
    /// The Pact integration JSON (<c>{"pact:matcher:type": ...}</c>) for <paramref name="example"/>, the
    /// canonical proto JSON of the example at <paramref name="path"/>; throws when the example does not satisfy the rule.
    /// </summary>
    internal JsonNode Wrap(JsonNode? example, string path) => wrap(example, path);

    /// <inheritdoc />
    public override string ToString() => Name;
}
