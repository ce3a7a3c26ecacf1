using System.Text.Json;

namespace Shop.Contracts.Pact.Provider;

/// <summary>Reads the engine's JSON verification report into per-interaction results with readable mismatches.</summary>
internal static class VerifierReport
{
    // stateFailures: what the provider's state handlers said when they failed; the engine reports only that one did.
    // wireMismatches: per interaction, where the provider's descriptors differ from the consumer's view of the wire.
    public static GrpcPactVerificationResult Read(
        string provider,
        bool engineSucceeded,
        string output,
        string json,
        IEnumerable<string>? stateFailures = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? wireMismatches = null)
    {
        wireMismatches ??= new Dictionary<string, IReadOnlyList<string>>();
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        var errors = new List<(string Interaction, List<string> Mismatches)>();
        foreach (var error in Array(root, "errors"))
        {
            var interaction = error.TryGetProperty("interaction", out var i) ? i.GetString() ?? string.Empty : string.Empty;
            errors.Add((interaction, Mismatches(error.TryGetProperty("mismatch", out var m) ? m : default)));
        }

        var results = Array(root, "interactionResults")
            .Select(result => (Description: Text(result, "description") ?? string.Empty, Passed: Text(result, "result") == "OK"))
            .ToList();
        var owners = errors.Select(e => Owner(e.Interaction, results.Select(r => r.Description))).ToList();

        var interactions = results.Select(result =>
        {
            var wire = wireMismatches.TryGetValue(result.Description, out var found) ? found.Select(m => "wire " + m) : [];
            return new InteractionVerificationResult(
                result.Description,
                result.Passed && !wireMismatches.ContainsKey(result.Description),
                wire.Concat(errors.Where((_, i) => owners[i] == result.Description).SelectMany(e => e.Mismatches)).ToList());
        }).ToList();
        var unattributed = errors
            .Where((_, i) => owners[i] is null)
            .Select(e => $"{e.Interaction}: {string.Join("; ", e.Mismatches)}")
            .Concat(stateFailures ?? [])
            .ToList();
        return new GrpcPactVerificationResult(provider, engineSucceeded, interactions, unattributed, output, json);
    }

    /// <summary>
    /// The interaction an error belongs to. The engine titles it "Verifying a pact between … [Given …] - description",
    /// so it is the description the title is or ends with after " - " — the longest such, since one
    /// description may end another ('delivery of …' and 'redelivery of …' must not share mismatches).
    /// </summary>
    private static string? Owner(string title, IEnumerable<string> descriptions) =>
        descriptions
            .Where(d => d.Length > 0 && (title == d || title.EndsWith(" - " + d, StringComparison.Ordinal)))
            .MaxBy(d => d.Length);

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
