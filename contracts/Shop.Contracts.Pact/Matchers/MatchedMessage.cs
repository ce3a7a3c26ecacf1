using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Shop.Contracts.Pact.Matchers;

/// <summary>
/// A protobuf message as its canonical proto3 JSON plus the matchers attached to its fields; renders
/// the Pact integration JSON the engine reads (matchers inline as <c>pact:matcher:type</c> objects).
/// </summary>
internal sealed class MatchedMessage(IMessage message)
{
    private readonly List<(ProtoJsonPath Path, Matcher Matcher)> _matchers = [];

    public IMessage Message { get; } = message;

    public void Add(string path, Matcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        var parsed = ProtoJsonPath.Parse(path);
        _matchers.Add((parsed, matcher));
        _ = ToIntegrationJson(); // report a wrong path or example where it was written
    }

    /// <summary>The message's proto3 JSON with every matcher applied, deepest paths first so array templates keep inner rules.</summary>
    public string ToIntegrationJson()
    {
        var root = JsonNode.Parse(ProtoJson.Format(Message))!;
        foreach (var (path, matcher) in _matchers.OrderByDescending(m => m.Path.Depth))
        {
            path.Replace(root, example => matcher.Wrap(example, path.Text));
        }

        return root.ToJsonString();
    }
}
