using System.Globalization;
using Shop.Benchmarks.Load;

namespace Shop.Benchmarks.Reference;

/// <summary>
/// The reference figures measured in the run (echo per load driver, pgbench's best per script) and the bound they set on
/// an operation: on one machine whose cores run everything, a call costs at least one echo per gRPC hop plus each database's
/// work, so calls/s ≤ 1 / (Σ hops 1/echo + Σ databases 1/pgbench).
/// </summary>
internal sealed class Ceilings
{
    private readonly Dictionary<LoadDriver, LoadResult> echo = [];
    private readonly Dictionary<string, PgBenchSweepResult> pgBench = [];

    public IReadOnlyDictionary<LoadDriver, LoadResult> Echo => echo;

    public IReadOnlyDictionary<string, PgBenchSweepResult> PgBench => pgBench;

    public void Add(LoadDriver driver, LoadResult result) => echo[driver] = result;

    public void Add(PgBenchSweepResult result) => pgBench[result.Script] = result;

    /// <returns>Null when a figure it needs was not measured (--only).</returns>
    public Bound? Of(OperationShape shape)
    {
        var seconds = 0.0;
        var terms = new List<string>();
        foreach (var hop in shape.Hops)
        {
            if (!echo.TryGetValue(hop, out var e) || e.CallsPerSecond <= 0) return null;
            seconds += 1 / e.CallsPerSecond;
            terms.Add($"1/echo {Name(hop)}");
        }
        foreach (var (script, _) in shape.Statements)
        {
            if (!pgBench.TryGetValue(Path.GetFileName(script), out var p) || p.Best.Result.TransactionsPerSecond <= 0) return null;
            seconds += 1 / p.Best.Result.TransactionsPerSecond;
            terms.Add(string.Create(CultureInfo.InvariantCulture, $"1/{Path.GetFileNameWithoutExtension(script)}@{p.Best.Clients}"));
        }
        return new Bound(1 / seconds, $"1/({string.Join(" + ", terms)})");
    }

    public static string Name(LoadDriver driver) => driver == LoadDriver.H2Load ? "h2load" : "grpc-net";
}
