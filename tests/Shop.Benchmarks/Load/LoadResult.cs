namespace Shop.Benchmarks.Load;

/// <summary>What one operation did during its measuring window.</summary>
/// <param name="LatenciesMs">Latency of each successful call completed in the window, sorted.</param>
/// <param name="ErrorsByStatus">Failed calls in the window by gRPC status (or exception type).</param>
/// <param name="ErrorExamples">The detail of one failed call per status.</param>
internal sealed record LoadResult(
    int Concurrency,
    double Seconds,
    double[] LatenciesMs,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorsByStatus,
    IReadOnlyDictionary<string, string> ErrorExamples)
{
    public double CallsPerSecond => LatenciesMs.Length / Seconds;

    /// <summary>Nearest-rank percentile, <paramref name="fraction"/> in (0, 1].</summary>
    public double Percentile(double fraction) => LatenciesMs.Length == 0
        ? double.NaN
        : LatenciesMs[Math.Clamp((int)Math.Ceiling(fraction * LatenciesMs.Length) - 1, 0, LatenciesMs.Length - 1)];
}
