namespace Shop.Benchmarks;

/// <summary>The run itself could not go on (a service did not start, pgbench is missing...), as opposed to slow figures.</summary>
internal sealed class BenchFailed(string message) : Exception(message);
