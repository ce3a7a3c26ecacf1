using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace Shop.Contracts.Pact.Wire;

/// <summary>
/// The consumer's view of the wire: for the fields its interaction writes or reads, their numbers and
/// types, and the numbers of the enums among them, as its own generated code has them. Proto JSON
/// carries names, so a renumbered field or enum value, or a field of another wire type, would pass the
/// body's matching rules while every real client breaks; the verifier compares this with the provider's
/// descriptors (<see cref="WireCheck"/>). Recorded in the interaction's <c>pluginConfiguration</c>,
/// the place Pact V4 keeps per-interaction data of a plugin, under <see cref="GrpcWireKeys.WireView"/>:
/// <code>
/// { "messages": { "shop.orders.v1.Order": { "status": { "number": 3, "type": "enum shop.orders.v1.OrderStatus" } } },
///   "enums": { "shop.orders.v1.OrderStatus": { "ORDER_STATUS_PAID": 2, ... } } }
/// </code>
/// </summary>
internal static class WireView
{
    /// <summary>The view of <paramref name="fields"/>, the fields an interaction's bodies name.</summary>
    public static JsonObject Of(IEnumerable<FieldDescriptor> fields)
    {
        var messages = new SortedDictionary<string, SortedDictionary<string, FieldDescriptor>>(StringComparer.Ordinal);
        var enums = new SortedDictionary<string, EnumDescriptor>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var message = field.ContainingType.FullName;
            if (!messages.TryGetValue(message, out var named))
            {
                messages[message] = named = new SortedDictionary<string, FieldDescriptor>(StringComparer.Ordinal);
            }

            named[field.Name] = field;
            if (field.FieldType == FieldType.Enum)
            {
                enums[field.EnumType.FullName] = field.EnumType;
            }
        }

        var messagesJson = new JsonObject();
        foreach (var (message, named) in messages)
        {
            var fieldsJson = new JsonObject();
            foreach (var (name, field) in named)
            {
                fieldsJson[name] = new JsonObject { ["number"] = field.FieldNumber, ["type"] = TypeOf(field) };
            }

            messagesJson[message] = fieldsJson;
        }

        var enumsJson = new JsonObject();
        foreach (var (name, type) in enums)
        {
            var values = new JsonObject();
            foreach (var value in type.Values)
            {
                values[value.Name] = value.Number;
            }

            enumsJson[name] = values;
        }

        return new JsonObject { ["messages"] = messagesJson, ["enums"] = enumsJson };
    }

    /// <summary>How a field is written on the wire, as a proto file would declare it: <c>string</c>, <c>repeated message shop.orders.v1.Order</c>.</summary>
    public static string TypeOf(FieldDescriptor field)
    {
        var type = field.FieldType switch
        {
            FieldType.Enum => $"enum {field.EnumType.FullName}",
            FieldType.Message or FieldType.Group => $"message {field.MessageType.FullName}",
            var scalar => scalar.ToString().ToLowerInvariant(),
        };
        return field.IsRepeated && !field.IsMap ? $"repeated {type}" : type;
    }
}
