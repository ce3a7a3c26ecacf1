using Shop.Benchmarks.Load;
using Shop.Benchmarks.Reference;

namespace Shop.Benchmarks.Reporting;

/// <param name="PgBench">The database ceiling for the same SQL, when the operation has one.</param>
/// <param name="Echo">The gRPC ceiling, for the operation compared with it (GetUser).</param>
internal sealed record OperationResult(string Operation, LoadResult Load, PgBenchResult? PgBench = null, LoadResult? Echo = null)
{
    public double? PgBenchRatio => PgBench is { TransactionsPerSecond: > 0 } p ? Load.CallsPerSecond / p.TransactionsPerSecond : null;

    public double? EchoRatio => Echo is { CallsPerSecond: > 0 } e ? Load.CallsPerSecond / e.CallsPerSecond : null;
}
