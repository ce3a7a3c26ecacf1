using System.Globalization;
using System.Text;

namespace Shop.Benchmarks.Reporting;

/// <summary>The results as Markdown: the figures, memory, the issue's targets and how they were measured.</summary>
internal sealed class BenchReport(
    DateTimeOffset started,
    string machine,
    string setup,
    IReadOnlyList<OperationResult> operations,
    IReadOnlyList<(string Process, long PeakBytes)> memory,
    IReadOnlyList<string> notes)
{
    private const long MemoryLimit = 300L * 1024 * 1024;

    public int Errors => operations.Sum(o => o.Load.Errors);

    public bool TargetsMet => Targets().All(t => t.Met);

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Shop mesh benchmarks").AppendLine();
        md.AppendLine(Invariant($"{started:yyyy-MM-dd HH:mm} UTC · {machine}")).AppendLine();
        md.AppendLine(setup).AppendLine();
        md.AppendLine("| operation | concurrency | calls/s | p50 ms | p90 ms | p99 ms | errors | pgbench tps | vs pgbench | vs echo |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var o in operations)
        {
            var l = o.Load;
            md.AppendLine(Invariant(
                $"| {o.Operation} | {l.Concurrency} | {l.CallsPerSecond:N0} | {l.Percentile(0.50):0.00} | {l.Percentile(0.90):0.00} | {l.Percentile(0.99):0.00} | {l.Errors} | {(o.PgBench is { } p ? p.TransactionsPerSecond.ToString("N0", CultureInfo.InvariantCulture) : "–")} | {Percent(o.PgBenchRatio)} | {Percent(o.EchoRatio)} |"));
        }
        md.AppendLine().AppendLine("| process | peak working set (VmHWM) |").AppendLine("|---|---:|");
        foreach (var (process, bytes) in memory)
        {
            md.AppendLine(Invariant($"| {process} | {bytes / 1024.0 / 1024.0:0} MB |"));
        }
        md.AppendLine().AppendLine("Targets (issue 7):").AppendLine();
        foreach (var (name, met, actual) in Targets())
        {
            md.AppendLine($"- {(met ? "met" : "**missed**")}: {name} — {actual}");
        }
        var errors = operations.Where(o => o.Load.Errors > 0).ToList();
        if (errors.Count > 0)
        {
            md.AppendLine().AppendLine("Errors:").AppendLine();
            foreach (var o in errors)
            {
                foreach (var (status, count) in o.Load.ErrorsByStatus)
                {
                    md.AppendLine(Invariant($"- {o.Operation}: {count} × {status} (e.g. \"{o.Load.ErrorExamples.GetValueOrDefault(status)}\")"));
                }
            }
        }
        var pgBenchProblems = operations.Where(o => o.PgBench?.Problem is not null).ToList();
        if (pgBenchProblems.Count > 0)
        {
            md.AppendLine().AppendLine("pgbench problems:").AppendLine();
            foreach (var o in pgBenchProblems) md.AppendLine($"- {o.Operation}: {o.PgBench!.Problem}");
        }
        md.AppendLine().AppendLine("How it was measured:").AppendLine();
        foreach (var note in notes) md.AppendLine($"- {note}");
        return md.ToString();
    }

    private IEnumerable<(string Name, bool Met, string Actual)> Targets()
    {
        var getUser = operations.FirstOrDefault(o => o.Operation == "GetUser");
        var payOrder = operations.FirstOrDefault(o => o.Operation == "PayOrder");
        if (getUser is not null)
        {
            yield return ("GetUser at 64 concurrent calls ≥ 50% of pgbench", getUser.PgBenchRatio >= 0.5, Percent(getUser.PgBenchRatio));
            var p99 = getUser.Load.Percentile(0.99);
            yield return ("GetUser p99 < 20 ms", p99 < 20, Invariant($"{p99:0.00} ms"));
        }
        if (payOrder is not null)
        {
            yield return ("PayOrder at 16 concurrent calls ≥ 40% of pgbench", payOrder.PgBenchRatio >= 0.4, Percent(payOrder.PgBenchRatio));
        }
        yield return ("zero errors under load", Errors == 0, Invariant($"{Errors} errors"));
        var largest = memory.Where(m => m.Process != "echo").MaxBy(m => m.PeakBytes);
        yield return ("every service under 300 MB working set", largest.PeakBytes < MemoryLimit,
            Invariant($"largest {largest.Process}, {largest.PeakBytes / 1024.0 / 1024.0:0} MB"));
    }

    private static string Percent(double? ratio) => ratio is { } r ? Invariant($"{r * 100:0}%") : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
