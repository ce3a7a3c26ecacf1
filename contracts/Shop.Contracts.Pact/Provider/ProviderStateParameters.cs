using System.Text.Json;

namespace Shop.Contracts.Pact.Provider;

/// <summary>Turns provider-state parameters from JSON into plain .NET values (string, long, double, bool, null, lists, dictionaries).</summary>
internal static class ProviderStateParameters
{
    public static IReadOnlyDictionary<string, object?> From(JsonElement? parameters) =>
        parameters is { ValueKind: JsonValueKind.Object } obj
            ? obj.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value))
            : new Dictionary<string, object?>();

    private static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        // Boxed apart: a conditional of long and double would make every number a double.
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? (object)whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.Object => From(element),
        _ => null,
    };
}
