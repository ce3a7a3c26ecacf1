using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace Shop.Contracts.Pact.Wire;

/// <summary>
/// Compares the consumers' views of the wire (<see cref="WireView"/>) in pact files with the provider's
/// own descriptors: a field the consumer uses under another number or wire type, or an enum value with
/// another number, is a mismatch of that interaction. What the consumer does not use is not looked at,
/// so new fields, new enum values and changes to fields it ignores pass.
/// </summary>
internal sealed class WireCheck
{
    private readonly Dictionary<string, MessageDescriptor> messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumDescriptor> enums = new(StringComparer.Ordinal);

    /// <summary>The provider's types: those of <paramref name="services"/>' files and every file they import.</summary>
    public WireCheck(IEnumerable<ServiceDescriptor> services)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            Add(service.File, seen);
        }
    }

    /// <summary>The wire mismatches of each interaction (by description) of the pacts naming <paramref name="provider"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Check(IEnumerable<string> pactFiles, string provider)
    {
        var mismatches = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var file in pactFiles)
        {
            var pact = JsonNode.Parse(File.ReadAllText(file));
            if (pact?["provider"]?["name"]?.GetValue<string>() != provider)
            {
                continue;
            }

            foreach (var interaction in pact["interactions"]?.AsArray() ?? [])
            {
                if (interaction?["pluginConfiguration"]?[GrpcWireKeys.WireView] is JsonObject view &&
                    interaction["description"]?.GetValue<string>() is { } description)
                {
                    var found = Compare(view);
                    if (found.Count > 0)
                    {
                        mismatches[description] = found;
                    }
                }
            }
        }

        return mismatches;
    }

    /// <summary>Every difference between one consumer view and the provider, as "<c>type.field: consumer expects ..., provider has ...</c>".</summary>
    public List<string> Compare(JsonObject view)
    {
        var found = new List<string>();
        foreach (var (messageName, fields) in view["messages"]?.AsObject() ?? [])
        {
            if (!messages.TryGetValue(messageName, out var message))
            {
                found.Add($"{messageName}: the consumer uses this message, the provider has no such message");
                continue;
            }

            foreach (var (fieldName, expected) in fields?.AsObject() ?? [])
            {
                var number = expected?["number"]?.GetValue<int>();
                var type = expected?["type"]?.GetValue<string>();
                var actual = message.FindFieldByName(fieldName);
                if (actual is null)
                {
                    found.Add($"{messageName}.{fieldName}: consumer expects field {number} ({type}), provider has no such field");
                }
                else if (actual.FieldNumber != number || WireView.TypeOf(actual) != type)
                {
                    var has = WireView.TypeOf(actual) == type ? $"field {actual.FieldNumber}" : $"field {actual.FieldNumber} ({WireView.TypeOf(actual)})";
                    found.Add($"{messageName}.{fieldName}: consumer expects field {number} ({type}), provider has {has}");
                }
            }
        }

        foreach (var (enumName, values) in view["enums"]?.AsObject() ?? [])
        {
            if (!enums.TryGetValue(enumName, out var type))
            {
                found.Add($"{enumName}: the consumer uses this enum, the provider has no such enum");
                continue;
            }

            // A value the provider does not name is a renaming, which the proto JSON body shows where it matters.
            foreach (var (valueName, number) in values?.AsObject() ?? [])
            {
                if (type.FindValueByName(valueName) is { } actual && actual.Number != number?.GetValue<int>())
                {
                    found.Add($"{enumName}.{valueName}: consumer expects {number}, provider has {actual.Number}");
                }
            }
        }

        return found;
    }

    private void Add(FileDescriptor file, HashSet<string> seen)
    {
        if (!seen.Add(file.Name))
        {
            return;
        }

        foreach (var message in file.MessageTypes)
        {
            Add(message);
        }

        foreach (var type in file.EnumTypes)
        {
            enums.TryAdd(type.FullName, type);
        }

        foreach (var dependency in file.Dependencies)
        {
            Add(dependency, seen);
        }
    }

    private void Add(MessageDescriptor message)
    {
        messages.TryAdd(message.FullName, message);
        foreach (var nested in message.NestedTypes)
        {
            Add(nested);
        }

        foreach (var type in message.EnumTypes)
        {
            enums.TryAdd(type.FullName, type);
        }
    }
}
