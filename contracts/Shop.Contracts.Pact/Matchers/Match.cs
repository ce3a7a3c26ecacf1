using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Shop.Contracts.Pact.Matchers;

/// <summary>
/// Matchers for message fields, attached by proto JSON path with <c>.Match("$.user.userId", Match.Regex(...))</c>.
/// Paths use the proto3 JSON (lowerCamelCase) field names: <c>$.user.createdAt</c>, <c>$.users[*].email</c>,
/// <c>$.items[0].sku</c>. Remember proto3 JSON types: int64/uint64 are strings (use <see cref="Int64"/>),
/// Timestamps are RFC 3339 strings (use <see cref="Timestamp"/>), enums are their value names.
/// </summary>
public static class Match
{
    /// <summary>RFC 3339 in UTC as Google.Protobuf formats <c>google.protobuf.Timestamp</c> (0, 3, 6 or 9 fraction digits).</summary>
    public const string TimestampPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$";

    /// <summary>Any value of the same JSON type (string, number, bool, object shape).</summary>
    public static Matcher Type() =>
        new("type", (value, _) => Rule("type", value));

    /// <summary>A string that matches <paramref name="pattern"/> (checked against the example now).</summary>
    public static Matcher Regex(string pattern) =>
        new($"regex {pattern}", (value, path) =>
        {
            var text = RequireString(value, path, "Regex");
            if (!System.Text.RegularExpressions.Regex.IsMatch(text, pattern))
            {
                throw new ArgumentException($"The example '{text}' at {path} does not match the regex '{pattern}'.");
            }

            return Rule("regex", value, new JsonObject { ["regex"] = pattern });
        });

    /// <summary>A JSON integer (int32/uint32 fields; for int64 use <see cref="Int64"/>).</summary>
    public static Matcher Integer() =>
        new("integer", (value, _) => Rule("integer", value));

    /// <summary>A JSON number with a fractional part (double/float fields).</summary>
    public static Matcher Decimal() =>
        new("decimal", (value, _) => Rule("decimal", value));

    /// <summary>Any number (integer or decimal).</summary>
    public static Matcher Number() =>
        new("number", (value, _) => Rule("number", value));

    /// <summary>
    /// A non-empty string. Proto3 cannot tell an unset string from "", so <see cref="Type"/> accepts a
    /// provider that stops filling the field; use this for strings the consumer needs.
    /// </summary>
    public static Matcher NonEmpty() => Regex(@"^[\s\S]+$");

    /// <summary>An int64/uint64/fixed64 field, which proto3 JSON writes as a string of digits.</summary>
    public static Matcher Int64() => Regex(@"^-?\d+$");

    /// <summary>A <c>google.protobuf.Timestamp</c> in proto3 JSON (any instant, see <see cref="TimestampPattern"/>).</summary>
    public static Matcher Timestamp() => Regex(TimestampPattern);

    /// <summary>A date-time string in the given Java-style <paramref name="format"/>, e.g. <c>yyyy-MM-dd'T'HH:mm:ss'Z'</c>.</summary>
    public static Matcher DateTime(string format) =>
        new($"datetime {format}", (value, path) =>
        {
            RequireString(value, path, "DateTime");
            return Rule("datetime", value, new JsonObject { ["format"] = format });
        });

    /// <summary>A string containing <paramref name="substring"/> (the example must contain it).</summary>
    public static Matcher Include(string substring) =>
        new($"include '{substring}'", (value, path) =>
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
    /// A repeated field with at least <paramref name="min"/> elements, each like the first element of
    /// the example (which must have one). Match inside elements with <c>$.field[*].name</c>.
    /// </summary>
    public static Matcher EachLike(int min = 1) => MinType(min);

    /// <summary>A repeated field with at least <paramref name="min"/> elements of the example's first element's shape.</summary>
    public static Matcher MinType(int min) =>
        new($"min {min} like", (value, path) =>
        {
            if (value is not JsonArray array || array.Count == 0)
            {
                throw new ArgumentException($"{path} needs a repeated field with at least one example element for an each-like matcher.");
            }

            if (min < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(min), min, "A minimum cannot be negative.");
            }

            var template = new JsonArray(array[0]?.DeepClone());
            return new JsonObject { ["pact:matcher:type"] = "type", ["min"] = min, ["value"] = template };
        });

    /// <summary>Exactly this value (useful inside a looser parent matcher).</summary>
    public static Matcher Equality() =>
        new("equality", (value, _) => Rule("equality", value));

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
