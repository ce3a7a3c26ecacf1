using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Shop.Contracts.Pact.Matchers;

/// <summary>
/// A message declared by example with matchers inline: the protobuf message the examples make (what
/// the mock answers, the request the consumer is expected to send) and the Pact integration JSON the
/// engine reads (its canonical proto3 JSON with each matcher as a <c>pact:matcher:type</c> object).
/// </summary>
internal sealed class MatchedMessage
{
    private MatchedMessage(IMessage message, string integrationJson, IReadOnlyCollection<FieldDescriptor> used)
    {
        Message = message;
        IntegrationJson = integrationJson;
        Used = used;
    }

    public IMessage Message { get; }

    public string IntegrationJson { get; }

    /// <summary>The fields the body names, which the consumer writes or reads (see <see cref="MessageTemplate.Used"/>).</summary>
    public IReadOnlyCollection<FieldDescriptor> Used { get; }

    /// <summary>
    /// Reads <paramref name="body"/> (a generated message, or an object of proto JSON fields whose values
    /// may be matchers) as a <paramref name="descriptor"/> message; a wrong field name, a value of the
    /// wrong type, or an example that breaks its own matcher throws here, where it was written.
    /// </summary>
    public static MatchedMessage From(MessageDescriptor descriptor, object body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body is IMessage given && given.Descriptor.FullName != descriptor.FullName)
        {
            throw new ArgumentException($"Expected a {descriptor.FullName}, not a {given.Descriptor.FullName}.", nameof(body));
        }

        var template = MessageTemplate.Read(body, descriptor);
        IMessage message;
        try
        {
            message = ProtoJson.Parse(template.Example.ToJsonString(), descriptor);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new ArgumentException($"The example is not a valid {descriptor.FullName}: {ex.Message}", nameof(body), ex);
        }

        // Matchers apply to the canonical form (int64 as a string, enums by name), deepest first so an
        // each-like template keeps the rules inside it.
        var root = JsonNode.Parse(ProtoJson.Format(message))!;
        foreach (var (path, matcher) in template.Matchers.OrderByDescending(m => m.Path.Depth))
        {
            path.Replace(root, example => matcher.Wrap(example, path.Text));
        }

        return new MatchedMessage(message, root.ToJsonString(), template.Used);
    }
}
