using System.Text.Json.Nodes;

namespace Shop.Build.Pacts;

/// <summary>
/// Compares regenerated pact files with the committed ones as JSON: key order, interaction order and
/// the engine's version stamp (metadata.pactRust) do not count.
/// </summary>
public static class PactFiles
{
    /// <returns>One line per difference, e.g. <c>orders-users.json: interaction 'a request for user 42' changed</c>; none when they agree.</returns>
    public static List<string> Differences(string generated, string committed)
    {
        var differences = new List<string>();
        var names = Names(generated).Union(Names(committed)).OrderBy(n => n, StringComparer.Ordinal);
        foreach (var name in names)
        {
            var fresh = Interactions(generated, name);
            var kept = Interactions(committed, name);
            if (fresh is null) { differences.Add($"{name}: committed, but no consumer test wrote it"); continue; }
            if (kept is null) { differences.Add($"{name}: new, not in contracts/pacts"); continue; }
            foreach (var description in fresh.Keys.Union(kept.Keys).OrderBy(d => d, StringComparer.Ordinal))
            {
                if (!kept.ContainsKey(description)) differences.Add($"{name}: new interaction '{description}'");
                else if (!fresh.ContainsKey(description)) differences.Add($"{name}: interaction '{description}' no longer written");
                else if (!JsonNode.DeepEquals(fresh[description], kept[description])) differences.Add($"{name}: interaction '{description}' changed");
            }
            if (!JsonNode.DeepEquals(Rest(generated, name), Rest(committed, name))) differences.Add($"{name}: consumer, provider or metadata changed");
        }
        return differences;
    }

    private static IEnumerable<string> Names(string directory) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, "*.json").Select(f => Path.GetFileName(f)) : [];

    private static JsonObject? Load(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : null;
    }

    private static Dictionary<string, JsonNode>? Interactions(string directory, string name) =>
        Load(directory, name) is { } pact
            ? (pact["interactions"]?.AsArray() ?? [])
                .GroupBy(i => i?["description"]?.GetValue<string>() ?? "")
                .ToDictionary(g => g.Key, g => g.First()!)
            : null;

    // Everything but the interactions and the engine's version stamp.
    private static JsonObject? Rest(string directory, string name)
    {
        var pact = Load(directory, name);
        pact?.Remove("interactions");
        (pact?["metadata"] as JsonObject)?.Remove("pactRust");
        return pact;
    }
}
