using System.Globalization;
using System.Text;
using Shop.Benchmarks.Hosting;
using Shop.Benchmarks.Load;
using Shop.Benchmarks.Reference;

namespace Shop.Benchmarks.Reporting;

/// <summary>The results as Markdown: each operation against its bound, the references, memory, the targets and how it was measured.</summary>
internal sealed class BenchReport(
    DateTimeOffset started,
    string machine,
    string setup,
    IReadOnlyList<OperationResult> operations,
    Ceilings ceilings,
    IReadOnlyList<string> cpuProcesses,
    IReadOnlyList<(string Process, ProcessMemory Memory)> memory,
    IReadOnlyList<string> notes)
{
    private const long MemoryLimit = 150L * 1024 * 1024;

    public int Errors => operations.Sum(o => o.Load.Errors) + ceilings.Echo.Values.Sum(e => e.Errors);

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Shop mesh benchmarks").AppendLine();
        md.AppendLine(Invariant($"{started:yyyy-MM-dd HH:mm} UTC · {machine}")).AppendLine();
        md.AppendLine(setup).AppendLine();
        md.AppendLine("| operation | load | concurrency | calls/s | p50 ms | p99 ms | errors | bound calls/s | vs bound | load average |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var o in operations)
        {
            var l = o.Load;
            md.AppendLine(Invariant(
                $"| {o.Operation} | {Ceilings.Name(o.Driver)} | {l.Concurrency} | {l.CallsPerSecond:N0} | {l.Percentile(0.50):0.00} | {l.Percentile(0.99):0.00} | {l.Errors} | {(o.Bound is { } b ? b.CallsPerSecond.ToString("N0", CultureInfo.InvariantCulture) : "–")} | {Percent(o.BoundRatio)} | {o.LoadAverage:0.0} |"));
        }
        md.AppendLine().AppendLine("Bounds:").AppendLine();
        foreach (var o in operations.Where(o => o.Bound is not null)) md.AppendLine($"- {o.Operation}: {o.Bound!.Formula}");

        md.AppendLine().AppendLine("| reference | calls or transactions/s | p50 ms | p99 ms | errors |").AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (driver, e) in ceilings.Echo)
        {
            md.AppendLine(Invariant($"| echo, {Ceilings.Name(driver)}, {e.Concurrency} in flight | {e.CallsPerSecond:N0} | {e.Percentile(0.50):0.00} | {e.Percentile(0.99):0.00} | {e.Errors} |"));
        }
        foreach (var p in ceilings.PgBench.Values)
        {
            var runs = string.Join(", ", p.Runs.Select(r => Invariant($"{r.Result.TransactionsPerSecond:N0} at {r.Clients}")));
            md.AppendLine(Invariant($"| pgbench {p.Script}, best at {p.Best.Clients} clients (tps: {runs}) | {p.Best.Result.TransactionsPerSecond:N0} | {p.Best.Result.AverageLatencyMs:0.00} (mean) | – | – |"));
        }

        AppendCpu(md);

        md.AppendLine().AppendLine("| process | peak working set (VmHWM) | at the end: anonymous | mapped files | shared (JIT code) |").AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (process, m) in memory)
        {
            md.AppendLine(Invariant($"| {process} | {Megabytes(m.PeakBytes)} | {Megabytes(m.AnonymousBytes)} | {Megabytes(m.FileBytes)} | {Megabytes(m.SharedBytes)} |"));
        }

        md.AppendLine().AppendLine("Targets (issue 16):").AppendLine();
        foreach (var (name, met, actual) in Targets()) md.AppendLine($"- {(met ? "met" : "**missed**")}: {name} — {actual}");

        var failed = Measurements().Where(o => o.Load.Errors > 0).ToList();
        if (failed.Count > 0)
        {
            md.AppendLine().AppendLine("Errors:").AppendLine();
            foreach (var (operation, load) in failed)
            {
                foreach (var (status, count) in load.ErrorsByStatus)
                {
                    md.AppendLine(Invariant($"- {operation}: {count} × {status} (e.g. \"{load.ErrorExamples.GetValueOrDefault(status)}\")"));
                }
            }
        }
        var problems = ceilings.PgBench.Values.SelectMany(p => p.Problems).ToList();
        if (problems.Count > 0)
        {
            md.AppendLine().AppendLine("pgbench problems:").AppendLine();
            foreach (var problem in problems) md.AppendLine($"- {problem}");
        }
        md.AppendLine().AppendLine("How it was measured:").AppendLine();
        foreach (var note in notes) md.AppendLine($"- {note}");
        return md.ToString();
    }

    // Per call, where the machine's cores spent their time in the window: what each process costs, and how much is left idle.
    private void AppendCpu(StringBuilder md)
    {
        var measured = Measurements().Where(m => m.Load.Cpu is not null).ToList();
        if (measured.Count == 0) return;
        md.AppendLine().AppendLine("CPU time per call in the measuring window, µs (all cores; \"load generator & other\" is the machine's busy time no listed process accounts for):").AppendLine();
        md.AppendLine($"| operation | {string.Join(" | ", cpuProcesses)} | load generator & other | total busy | idle share |");
        md.AppendLine($"|---|{string.Concat(cpuProcesses.Select(_ => "---:|"))}---:|---:|---:|");
        foreach (var (operation, load) in measured)
        {
            var cpu = load.Cpu!;
            var columns = cpuProcesses.Select(p => Micros(load, cpu.Time.GetValueOrDefault(p)))
                .Append(Micros(load, cpu.Other(cpuProcesses))).Append(Micros(load, cpu.Time[CpuUse.Busy])).Append(Percent(cpu.IdleShare));
            md.AppendLine($"| {operation} | {string.Join(" | ", columns)} |");
        }
    }

    /// <summary>Every load measured: the operations, then echo under each load generator.</summary>
    private IEnumerable<(string Operation, LoadResult Load)> Measurements() =>
        operations.Select(o => (o.Operation, o.Load)).Concat(ceilings.Echo.Select(e => ($"echo ({Ceilings.Name(e.Key)})", e.Value)));

    private static string Micros(LoadResult load, TimeSpan time) => Invariant($"{load.MicrosecondsPerCall(time):0}");

    private IEnumerable<(string Name, bool Met, string Actual)> Targets()
    {
        foreach (var o in operations)
        {
            var share = o.Operation == "GetUser" ? 0.7 : 0.6;
            yield return (Invariant($"{o.Operation} at {o.Load.Concurrency} in flight ≥ {share * 100:0}% of its bound"), o.BoundRatio >= share, Percent(o.BoundRatio));
            if (o.Operation == "GetUser")
            {
                var p99 = o.Load.Percentile(0.99);
                yield return ("GetUser p99 < 20 ms", p99 < 20, Invariant($"{p99:0.00} ms"));
            }
        }
        yield return ("zero errors under load", Errors == 0, Invariant($"{Errors} errors"));
        var largest = memory.Where(m => m.Process != "echo").MaxBy(m => m.Memory.PeakBytes);
        yield return ("every service under 150 MB working set", largest.Memory.PeakBytes < MemoryLimit,
            $"largest {largest.Process}, {Megabytes(largest.Memory.PeakBytes)}");
    }

    private static string Megabytes(long bytes) => Invariant($"{bytes / 1024.0 / 1024.0:0} MB");

    private static string Percent(double? ratio) => ratio is { } r ? Invariant($"{r * 100:0}%") : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
