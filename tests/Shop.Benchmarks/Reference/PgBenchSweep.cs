namespace Shop.Benchmarks.Reference;

/// <summary>
/// What PostgreSQL does best with an operation's statements: pgbench at a few client counts, the best one kept.
/// On a small machine fewer busy connections often do more (less contention and context switching), which is also
/// what the services' connection pools are sized by.
/// </summary>
internal sealed class PgBenchSweep(PgBench pgBench, int seconds)
{
    public static readonly int[] Clients = [4, 8, 16, 32];

    /// <param name="afterEachRun">Puts back what a run used up (pay_order.sql's pending orders).</param>
    public async Task<PgBenchSweepResult> RunAsync(string script, string database, Func<Task>? afterEachRun = null)
    {
        var runs = new List<(int Clients, PgBenchResult Result)>();
        foreach (var clients in Clients)
        {
            var result = await pgBench.RunAsync(script, database, clients, seconds);
            Console.WriteLine($"  pgbench {Path.GetFileName(script)}, {clients} clients: {result.TransactionsPerSecond:N0} tps{(result.Problem is null ? "" : $" ({result.Problem})")}");
            runs.Add((clients, result));
            if (afterEachRun is not null) await afterEachRun();
        }
        return new PgBenchSweepResult(Path.GetFileName(script), runs);
    }
}
