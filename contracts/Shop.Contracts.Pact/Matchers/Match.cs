using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Shop.Contracts.Pact.Matchers;

/// <summary>
/// Matchers written around the example, in place of a field's value in a message body, as PactNet's
/// <c>Match.Type(example)</c>: <c>.WillRespond(new { user = new { userId = Match.Regex(UserId, Uuid), email = Match.Type("ann@example.com") } })</c>.
/// Field names are proto3 JSON names (lowerCamelCase); fields left out take their default value and,
/// like any value without a matcher, must be equal. Examples may be plain .NET values (an int64 as a
/// <c>long</c>, an enum value, a <c>DateTime</c> for a Timestamp, a generated message): the rule is
/// checked against their proto3 JSON, where int64 is a string, a Timestamp an RFC 3339 string and an
/// enum its value name.
/// </summary>
public static class Match
{
    /// <summary>RFC 3339 in UTC as Google.Protobuf formats <c>google.protobuf.Timestamp</c> (0, 3, 6 or 9 fraction digits).</summary>
    public const string TimestampPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$";

    /// <summary>Any value of the same JSON type (string, number, bool, object shape).</summary>
    public static Matcher Type(object? example) =>
        new("type", example, (value, _) => Rule("type", value));

    /// <summary>A string that matches <paramref name="pattern"/> (checked against the example now).</summary>
    public static Matcher Regex(object? example, string pattern) =>
        new($"regex {pattern}", example, (value, path) =>
        {
            var text = RequireString(value, path, "Regex");
            if (!System.Text.RegularExpressions.Regex.IsMatch(text, pattern))
            {
                throw new ArgumentException($"The example '{text}' at {path} does not match the regex '{pattern}'.");
            }

            return Rule("regex", value, new JsonObject { ["regex"] = pattern });
        });

    /// <summary>A JSON integer (int32/uint32 fields; for int64 use <see cref="Int64"/>).</summary>
    public static Matcher Integer(object? example) =>
        new("integer", example, (value, _) => Rule("integer", value));

    /// <summary>A JSON number with a fractional part (double/float fields).</summary>
    public static Matcher Decimal(object? example) =>
        new("decimal", example, (value, _) => Rule("decimal", value));

    /// <summary>Any number (integer or decimal).</summary>
    public static Matcher Number(object? example) =>
        new("number", example, (value, _) => Rule("number", value));

    /// <summary>
    /// A non-empty string. Proto3 cannot tell an unset string from "", so <see cref="Type"/> accepts a
    /// provider that stops filling the field; use this for strings the consumer needs.
    /// </summary>
    public static Matcher NonEmpty(string example) => Regex(example, @"^[\s\S]+$");

    /// <summary>An int64/uint64/fixed64 field, which proto3 JSON writes as a string of digits.</summary>
    public static Matcher Int64(long example) => Regex(example, @"^-?\d+$");

    /// <summary>
    /// A <c>google.protobuf.Timestamp</c> in proto3 JSON (any instant, see <see cref="TimestampPattern"/>);
    /// the example is a UTC <see cref="System.DateTime"/>, a <see cref="DateTimeOffset"/> or a <c>Timestamp</c>.
    /// </summary>
    public static Matcher Timestamp(object example) => Regex(example, TimestampPattern);

    /// <summary>A date-time string in the given Java-style <paramref name="format"/>, e.g. <c>yyyy-MM-dd'T'HH:mm:ss'Z'</c>.</summary>
    public static Matcher DateTime(string example, string format) =>
        new($"datetime {format}", example, (value, path) =>
        {
            RequireString(value, path, "DateTime");
            return Rule("datetime", value, new JsonObject { ["format"] = format });
        });

    /// <summary>
    /// A string containing <paramref name="substring"/>. The example is the substring itself unless
    /// <paramref name="example"/> gives a fuller one (which must contain it), e.g. the status detail the mock answers.
    /// </summary>
    public static Matcher Include(string substring, string? example = null) =>
        new($"include '{substring}'", example ?? substring, (value, path) =>
        {
            var text = RequireString(value, path, "Include");
            if (!text.Contains(substring, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The example '{text}' at {path} does not contain '{substring}'.");
            }

            // The engine's include rule takes its substring from the value.
            return new JsonObject { ["pact:matcher:type"] = "include", ["value"] = substring };
        });

    /// <summary>
    /// A repeated field with at least <paramref name="min"/> elements, each like <paramref name="element"/>
    /// (one element: a value, or an object of fields that may hold matchers of their own).
    /// </summary>
    public static Matcher EachLike(object element, int min = 1) => MinType(element, min);

    /// <summary>A repeated field with at least <paramref name="min"/> elements of <paramref name="element"/>'s shape.</summary>
    public static Matcher MinType(object element, int min)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        return new($"min {min} like", element, (value, path) =>
        {
            if (value is not JsonArray { Count: 1 } array)
            {
                throw new ArgumentException($"{path} is not a repeated field (it is {value?.ToJsonString() ?? "null"}).");
            }

            var template = new JsonArray(array[0]?.DeepClone());
            return new JsonObject { ["pact:matcher:type"] = "type", ["min"] = min, ["value"] = template };
        }, eachLike: true);
    }

    /// <summary>
    /// A repeated field holding at least one element like <paramref name="element"/>, in any position, whatever
    /// else it holds (Pact's array-contains): for "the list has this one", so an extra element the consumer
    /// does not look for (another, older order) does not fail the contract. The element's own matchers apply to it alone.
    /// </summary>
    public static Matcher Containing(object element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new("containing", element, (value, path) =>
        {
            if (value is not JsonArray { Count: 1 } array)
            {
                throw new ArgumentException($"{path} is not a repeated field (it is {value?.ToJsonString() ?? "null"}).");
            }

            // As inside an each-like element, fields the element leaves to their defaults are only type-matched.
            var variant = new JsonObject { ["pact:matcher:type"] = "type", ["value"] = array[0]?.DeepClone() };
            return new JsonObject { ["pact:matcher:type"] = "array-contains", ["variants"] = new JsonArray(variant) };
        }, eachLike: true);
    }

    /// <summary>
    /// A value the provider state makes (Pact's <c>fromProviderState</c>): <paramref name="expression"/> names
    /// it, e.g. <c>"${orderId}"</c>, from the state's parameters or from the values its set-up returns.
    /// In a request, the verifier sends the provider's value instead of the example (a page token only the
    /// provider can make); in a response, the value must equal the example, which the consumer gives the
    /// state as the parameter of that name, so a provider answering another id or instant fails.
    /// </summary>
    public static Matcher FromProviderState(string expression, object example)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        if (!expression.Contains("${", StringComparison.Ordinal))
        {
            throw new ArgumentException($"A provider-state expression names its value as ${{name}}, e.g. \"${{orderId}}\"; got '{expression}'.", nameof(expression));
        }

        return new($"from provider state {expression}", example, (value, _) =>
        {
            var rule = Rule("equality", value);
            rule["pact:generator:type"] = "ProviderState";
            rule["expression"] = expression;
            return rule;
        });
    }

    /// <summary>Exactly this value (useful inside a looser parent matcher).</summary>
    public static Matcher Equality(object? example) =>
        new("equality", example, (value, _) => Rule("equality", value));

    private static JsonObject Rule(string type, JsonNode? value, JsonObject? extra = null)
    {
        var rule = new JsonObject { ["pact:matcher:type"] = type };
        foreach (var (key, node) in extra ?? [])
        {
            rule[key] = node?.DeepClone();
        }

        rule["value"] = value?.DeepClone();
        return rule;
    }

    private static string RequireString(JsonNode? value, string path, string matcher) =>
        value is JsonValue json && json.TryGetValue<string>(out var text)
            ? text
            : throw new ArgumentException($"Match.{matcher} needs a string at {path}, but the example there is {value?.ToJsonString() ?? "null"}.");
}
