using System.Text;
using Grpc.Core;

namespace Shop.Mesh.Tests.Fuzz;

/// <summary>The statuses each RPC answered, and every call that broke a rule of the fuzz test.</summary>
public sealed class FuzzReport(FuzzSettings settings)
{
    private readonly SortedDictionary<string, SortedDictionary<StatusCode, int>> seen = new(StringComparer.Ordinal);

    public List<string> Failures { get; } = [];

    public void Saw(string rpc, StatusCode code)
    {
        var counts = seen.TryGetValue(rpc, out var existing) ? existing : seen[rpc] = [];
        counts[code] = counts.GetValueOrDefault(code) + 1;
    }

    public void Fail(string rpc, RequestBody body, int index, string problem) =>
        Failures.Add($"{rpc} #{index} ({body.Kind}, {body.Bytes.Length} bytes, starts {Convert.ToHexString(body.Bytes.AsSpan(0, Math.Min(24, body.Bytes.Length)))}): {problem}");

    /// <summary>A Markdown table: one row per RPC, one column per status seen anywhere.</summary>
    public string Table()
    {
        var codes = seen.Values.SelectMany(c => c.Keys).Distinct().Order().ToList();
        var text = new StringBuilder($"Fuzz: seed {settings.Seed}, {settings.CountPerRpc} bodies per RPC, {seen.Count} RPCs\n\n");
        text.Append("| RPC | ").AppendJoin(" | ", codes.Select(Name)).Append(" |\n|---|").AppendJoin("", codes.Select(_ => "---:|")).Append('\n');
        foreach (var (rpc, counts) in seen)
        {
            text.Append($"| {rpc} | ").AppendJoin(" | ", codes.Select(c => counts.GetValueOrDefault(c) is var n and > 0 ? n.ToString() : "")).Append(" |\n");
        }
        text.Append($"\n{Failures.Count} failure(s)\n");
        foreach (var failure in Failures) text.Append("- ").Append(failure).Append('\n');
        return text.ToString();
    }

    /// <summary>The status's name as gRPC writes it: INVALID_ARGUMENT for InvalidArgument.</summary>
    private static string Name(StatusCode code)
    {
        var name = code.ToString();
        return string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]) ? "_" + c : c.ToString())).ToUpperInvariant();
    }
}
