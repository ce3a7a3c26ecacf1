namespace Shop.Benchmarks.Hosting;

/// <summary>CPU time spent during one measuring window: per process (and PostgreSQL), the machine's busy and idle time over all its cores.</summary>
internal sealed record CpuUse(IReadOnlyDictionary<string, TimeSpan> Time)
{
    public const string Busy = "busy";
    public const string Idle = "idle";

    /// <summary>Busy time no measured process accounts for: the load generator, and whatever else the machine runs.</summary>
    public TimeSpan Other(IEnumerable<string> measured) => Time[Busy] - measured.Aggregate(TimeSpan.Zero, (sum, name) => sum + Time.GetValueOrDefault(name));

    /// <summary>The share of all cores' time that was idle: above zero, the load did not keep the machine busy.</summary>
    public double IdleShare => Time[Idle] / (Time[Idle] + Time[Busy]);
}
