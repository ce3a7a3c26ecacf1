namespace Shop.Benchmarks.Reference;

/// <param name="Problem">Why the run is incomplete (aborted clients, failed transactions), or null.</param>
internal sealed record PgBenchResult(double TransactionsPerSecond, double AverageLatencyMs, string? Problem);
