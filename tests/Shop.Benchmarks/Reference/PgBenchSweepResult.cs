namespace Shop.Benchmarks.Reference;

/// <summary>pgbench's runs of one script, by client count.</summary>
internal sealed record PgBenchSweepResult(string Script, IReadOnlyList<(int Clients, PgBenchResult Result)> Runs)
{
    public (int Clients, PgBenchResult Result) Best => Runs.MaxBy(r => r.Result.TransactionsPerSecond);

    public IEnumerable<string> Problems => Runs.Where(r => r.Result.Problem is not null).Select(r => $"{Script} at {r.Clients} clients: {r.Result.Problem}");
}
