using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Shop.Contracts.Pact.Matchers;

/// <summary>
/// Splits a body written with matchers inline into its example (plain proto3 JSON, each matcher
/// replaced by its example) and the matchers with the paths they stand at. Field names are checked
/// against the message's descriptor on the way, so a typo names the fields that exist.
/// </summary>
internal sealed class MessageTemplate
{
    private readonly List<(ProtoJsonPath Path, Matcher Matcher)> matchers = [];
    private readonly HashSet<FieldDescriptor> used = [];

    private MessageTemplate()
    {
    }

    public JsonNode Example { get; private set; } = new JsonObject();

    public IReadOnlyList<(ProtoJsonPath Path, Matcher Matcher)> Matchers => matchers;

    /// <summary>
    /// The fields the body names (of a generated message: all its own fields, each pinned), which the
    /// consumer's code writes or reads: what its view of the wire holds.
    /// </summary>
    public IReadOnlyCollection<FieldDescriptor> Used => used;

    public static MessageTemplate Read(object body, MessageDescriptor descriptor)
    {
        var template = new MessageTemplate();
        template.Example = template.Node(body, "$", descriptor)
            ?? throw new ArgumentException("A message body cannot be null.", nameof(body));
        return template;
    }

    /// <summary>The proto3 JSON example of <paramref name="value"/> at <paramref name="path"/>, where a <paramref name="message"/> (if known) is expected.</summary>
    private JsonNode? Node(object? value, string path, MessageDescriptor? message)
    {
        switch (value)
        {
            case null:
                return null;
            case Matcher matcher:
                if (path == "$")
                {
                    throw new ArgumentException("A matcher cannot stand for the whole message; put it around a field's value.");
                }

                matchers.Add((ProtoJsonPath.Parse(path), matcher));
                return matcher.EachLike
                    ? new JsonArray(Node(matcher.Example, path + "[0]", message))
                    : Node(matcher.Example, path, message);
            case IMessage proto:
                if (proto.Descriptor.File.Package != "google.protobuf")
                {
                    used.UnionWith(proto.Descriptor.Fields.InDeclarationOrder());
                }

                return JsonNode.Parse(ProtoJson.Format(proto));
            case string or bool or int or long or uint or ulong or short or ushort or byte or sbyte or double or float or decimal:
                return JsonValue.Create(value);
            case System.Enum protoEnum:
                // The parser takes an enum's number; the canonical form names it.
                return JsonValue.Create(Convert.ToInt64(protoEnum, CultureInfo.InvariantCulture));
            case DateTime time:
                return JsonNode.Parse(ProtoJson.Format(Timestamp.FromDateTime(time)));
            case DateTimeOffset time:
                return JsonNode.Parse(ProtoJson.Format(Timestamp.FromDateTimeOffset(time)));
            case TimeSpan span:
                return JsonNode.Parse(ProtoJson.Format(Duration.FromTimeSpan(span)));
            case ByteString bytes:
                return JsonValue.Create(bytes.ToBase64());
            case byte[] bytes:
                return JsonValue.Create(Convert.ToBase64String(bytes));
            case IDictionary dictionary:
                return Fields(dictionary.Keys.Cast<object>().Select(k => (Convert.ToString(k, CultureInfo.InvariantCulture)!, dictionary[k])), path, message);
            case IEnumerable items:
                return new JsonArray(items.Cast<object?>().Select((item, i) => Node(item, $"{path}[{i}]", message)).ToArray());
            default:
                return Fields(
                    value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                        .Where(p => p.GetIndexParameters().Length == 0)
                        .Select(p => (p.Name, p.GetValue(value))),
                    path,
                    message);
        }
    }

    private JsonObject Fields(IEnumerable<(string Name, object? Value)> fields, string path, MessageDescriptor? message)
    {
        // Well-known types have their own JSON forms, not objects of their fields.
        var checkNames = message is not null && message.File.Package != "google.protobuf";
        var result = new JsonObject();
        foreach (var (given, value) in fields)
        {
            var name = given;
            MessageDescriptor? child = null;
            if (checkNames)
            {
                var field = message!.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == given || f.Name == given)
                    ?? throw new ArgumentException(
                        $"{path}: {message.FullName} has no field '{name}' in proto JSON. " +
                        $"Its fields are: {string.Join(", ", message.Fields.InDeclarationOrder().Select(f => f.JsonName))}.");
                name = field.JsonName; // matchers stand at the canonical name
                used.Add(field);
                child = field.FieldType == FieldType.Message && !field.IsMap ? field.MessageType : null;
            }

            result[name] = Node(value, Member(path, name), child);
        }

        return result;
    }

    private static string Member(string path, string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"{path}.{name}"
            : $"{path}['{name}']";
}
