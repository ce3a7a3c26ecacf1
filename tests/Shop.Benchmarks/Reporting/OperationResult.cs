using Shop.Benchmarks.Load;
using Shop.Benchmarks.Reference;

namespace Shop.Benchmarks.Reporting;

/// <param name="LoadAverage">The machine's 1-minute load average when the window ended: how quiet it was.</param>
internal sealed record OperationResult(string Operation, LoadDriver Driver, LoadResult Load, Bound? Bound, double LoadAverage)
{
    public double? BoundRatio => Bound is { CallsPerSecond: > 0 } b ? Load.CallsPerSecond / b.CallsPerSecond : null;
}
