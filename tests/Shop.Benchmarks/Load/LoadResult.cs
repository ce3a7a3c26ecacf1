using Shop.Benchmarks.Hosting;

namespace Shop.Benchmarks.Load;

/// <summary>What one operation did during its measuring window.</summary>
/// <param name="LatenciesMs">Latency of each successful call completed in the window, sorted.</param>
/// <param name="ErrorsByStatus">Failed calls in the window by gRPC status (or exception type).</param>
/// <param name="ErrorExamples">The detail of one failed call per status.</param>
/// <param name="Cpu">Where the machine's CPU time went in the window, when it was measured.</param>
/// <param name="Settling">How long the background work the calls left (the outbox's deliveries) took to finish after the
/// last call: part of <see cref="Seconds"/>, since it is part of the calls' cost.</param>
/// <param name="WarmUp">How long the load ran before the window: its warm-up rounds together.</param>
internal sealed record LoadResult(
    int Concurrency,
    double Seconds,
    double[] LatenciesMs,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorsByStatus,
    IReadOnlyDictionary<string, string> ErrorExamples,
    CpuUse? Cpu = null,
    TimeSpan Settling = default,
    TimeSpan WarmUp = default)
{
    public double CallsPerSecond => LatenciesMs.Length / Seconds;

    /// <summary>CPU time per completed call, in µs.</summary>
    public double MicrosecondsPerCall(TimeSpan time) => LatenciesMs.Length == 0 ? double.NaN : time.TotalMicroseconds / LatenciesMs.Length;

    /// <summary>Nearest-rank percentile, <paramref name="fraction"/> in (0, 1].</summary>
    public double Percentile(double fraction) => LatenciesMs.Length == 0
        ? double.NaN
        : LatenciesMs[Math.Clamp((int)Math.Ceiling(fraction * LatenciesMs.Length) - 1, 0, LatenciesMs.Length - 1)];
}
