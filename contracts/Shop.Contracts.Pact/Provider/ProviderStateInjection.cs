using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shop.Contracts.Pact.Matchers;

namespace Shop.Contracts.Pact.Provider;

/// <summary>
/// Applies a request's provider-state generators (<c>fromProviderState</c>): the engine's verifier sends
/// them with a synchronous message's request but does not apply them, so the adapter does, with the
/// states' parameters and the values their set-up returned.
/// </summary>
internal static partial class ProviderStateInjection
{
    /// <summary>The request body with each <c>ProviderState</c> generator's expression filled in from <paramref name="values"/>.</summary>
    /// <exception cref="KeyNotFoundException">An expression names a value no state gave.</exception>
    public static string Apply(string body, JsonElement request, IReadOnlyDictionary<string, string> values)
    {
        if (!request.TryGetProperty("generators", out var generators) || generators.ValueKind != JsonValueKind.Object ||
            !generators.TryGetProperty("body", out var bodyGenerators) || bodyGenerators.ValueKind != JsonValueKind.Object)
        {
            return body;
        }

        var root = JsonNode.Parse(body) ?? new JsonObject();
        foreach (var generator in bodyGenerators.EnumerateObject())
        {
            if (generator.Value.TryGetProperty("type", out var type) && type.GetString() == "ProviderState" &&
                generator.Value.TryGetProperty("expression", out var expression) && expression.GetString() is { } text)
            {
                var value = Expression().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v)
                    ? v
                    : throw new KeyNotFoundException(
                        $"The request's {generator.Name} takes '{m.Groups[1].Value}' from the provider state, which gave only: {string.Join(", ", values.Keys)}."));
                ProtoJsonPath.Parse(generator.Name).Replace(root, _ => JsonValue.Create(value));
            }
        }

        return root.ToJsonString();
    }

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex Expression();
}
