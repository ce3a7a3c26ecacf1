using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Shop.Contracts.Pact.Matchers;

/// <summary>
/// A path into proto3 JSON: <c>$</c>, then <c>.field</c>, <c>['field']</c>, <c>[2]</c> or <c>[*]</c>
/// (every element). The same syntax the Pact engine uses for matching-rule paths.
/// </summary>
internal sealed partial class ProtoJsonPath
{
    private readonly IReadOnlyList<string> segments;

    private ProtoJsonPath(string text, IReadOnlyList<string> segments)
    {
        Text = text;
        this.segments = segments;
    }

    public string Text { get; }

    public int Depth => segments.Count;

    public static ProtoJsonPath Parse(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!path.StartsWith('$'))
        {
            throw new ArgumentException($"A matcher path starts at the message root '$', e.g. \"$.user.userId\"; got '{path}'.", nameof(path));
        }

        var segments = new List<string>();
        var rest = path[1..];
        while (rest.Length > 0)
        {
            var match = SegmentPattern().Match(rest);
            if (!match.Success)
            {
                throw new ArgumentException($"Cannot read the matcher path '{path}' at '{rest}'.", nameof(path));
            }

            segments.Add(match.Groups["name"].Success ? match.Groups["name"].Value
                : match.Groups["quoted"].Success ? match.Groups["quoted"].Value
                : "[" + match.Groups["index"].Value + "]");
            rest = rest[match.Length..];
        }

        return new ProtoJsonPath(path, segments);
    }

    /// <summary>Replaces every node the path selects in <paramref name="root"/> with <paramref name="replace"/> of it.</summary>
    public void Replace(JsonNode root, Func<JsonNode?, JsonNode> replace)
    {
        if (segments.Count == 0)
        {
            throw new ArgumentException("A matcher cannot replace the whole message; match a field, e.g. \"$.user\".");
        }

        Visit(root, 0, "$", replace);
    }

    private void Visit(JsonNode? node, int index, string at, Func<JsonNode?, JsonNode> replace)
    {
        var segment = segments[index];
        var last = index == segments.Count - 1;

        if (segment.StartsWith('['))
        {
            if (node is not JsonArray array)
            {
                throw new ArgumentException($"{Text}: {at} is not a repeated field (it is {Describe(node)}).");
            }

            var selector = segment[1..^1];
            var positions = selector == "*"
                ? Enumerable.Range(0, array.Count)
                : [ElementIndex(selector, array, at)];
            foreach (var position in positions)
            {
                var elementPath = $"{at}[{position}]";
                if (last)
                {
                    array[position] = replace(array[position]);
                }
                else
                {
                    Visit(array[position], index + 1, elementPath, replace);
                }
            }

            return;
        }

        if (node is not JsonObject obj)
        {
            throw new ArgumentException($"{Text}: {at} is not a message (it is {Describe(node)}).");
        }

        if (!obj.TryGetPropertyValue(segment, out var child))
        {
            throw new ArgumentException(
                $"{Text}: the message at {at} has no field '{segment}' in proto JSON. " +
                $"Its fields are: {string.Join(", ", obj.Select(p => p.Key))}.");
        }

        if (last)
        {
            obj[segment] = replace(child);
        }
        else
        {
            Visit(child, index + 1, $"{at}.{segment}", replace);
        }
    }

    private int ElementIndex(string selector, JsonArray array, string at)
    {
        var position = int.Parse(selector, System.Globalization.CultureInfo.InvariantCulture);
        return position < array.Count
            ? position
            : throw new ArgumentException($"{Text}: {at} has {array.Count} element(s), no [{position}].");
    }

    private static string Describe(JsonNode? node) => node?.ToJsonString() ?? "null";

    [GeneratedRegex(@"^(\.(?<name>[A-Za-z_][A-Za-z0-9_]*)|\['(?<quoted>[^']+)'\]|\[(?<index>\d+|\*)\])")]
    private static partial Regex SegmentPattern();
}
