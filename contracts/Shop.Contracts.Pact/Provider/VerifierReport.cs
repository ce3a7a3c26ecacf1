using System.Text.Json;

namespace Shop.Contracts.Pact.Provider;

/// <summary>Reads the engine's JSON verification report into per-interaction results with readable mismatches.</summary>
internal static class VerifierReport
{
    public static GrpcPactVerificationResult Read(string provider, bool engineSucceeded, string output, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        var errors = new List<(string Interaction, List<string> Mismatches)>();
        foreach (var error in Array(root, "errors"))
        {
            var interaction = error.TryGetProperty("interaction", out var i) ? i.GetString() ?? string.Empty : string.Empty;
            errors.Add((interaction, Mismatches(error.TryGetProperty("mismatch", out var m) ? m : default)));
        }

        var interactions = Array(root, "interactionResults").Select(result =>
        {
            var description = result.TryGetProperty("description", out var d) ? d.GetString() ?? string.Empty : string.Empty;
            var passed = result.TryGetProperty("result", out var r) && r.GetString() == "OK";
            var mismatches = errors.Where(e => e.Interaction.Contains(description, StringComparison.Ordinal)).SelectMany(e => e.Mismatches).ToList();
            return new InteractionVerificationResult(description, passed, mismatches);
        }).ToList();

        var unattributed = errors
            .Where(e => interactions.All(i => !e.Interaction.Contains(i.Description, StringComparison.Ordinal)))
            .Select(e => $"{e.Interaction}: {string.Join("; ", e.Mismatches)}")
            .ToList();
        return new GrpcPactVerificationResult(provider, engineSucceeded, interactions, unattributed, output, json);
    }

    private static List<string> Mismatches(JsonElement mismatch)
    {
        if (mismatch.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        if (mismatch.TryGetProperty("message", out var message))
        {
            return [message.GetString() ?? string.Empty];
        }

        return Array(mismatch, "mismatches").Select(Describe).ToList();
    }

    /// <summary>e.g. <c>body $.name: Expected 'x' but received 'y'</c> or <c>metadata grpc-status: ...</c>.</summary>
    private static string Describe(JsonElement mismatch)
    {
        var type = Text(mismatch, "type");
        var where = Text(mismatch, "path") ?? Text(mismatch, "key");
        var text = Text(mismatch, "mismatch") ?? mismatch.GetRawText();
        var kind = type switch
        {
            "BodyMismatch" => "body",
            "MetadataMismatch" => "metadata",
            "BodyTypeMismatch" => "body type",
            null => "mismatch",
            _ => type,
        };
        return where is null ? $"{kind}: {text}" : $"{kind} {where}: {text}";
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : [];

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
