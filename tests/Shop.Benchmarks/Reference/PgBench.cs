using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Shop.Benchmarks.Reference;

/// <summary>
/// The database ceiling: pgbench running a script with the SQL a service runs for one operation, prepared,
/// against the same database. Each run gets its number as the variable <c>run</c>, so that scripts that insert
/// rows give them ids no earlier run used.
/// </summary>
internal sealed partial class PgBench(string executable, string serverConnectionString, IReadOnlyDictionary<string, string> variables)
{
    public static string Find() =>
        new[] { Environment.GetEnvironmentVariable("SHOP_PGBENCH") }
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin", "pgbench"))
                : [])
            .Append("/usr/bin/pgbench")
            .Append("/usr/local/bin/pgbench")
            .FirstOrDefault(File.Exists)
        ?? throw new BenchFailed("pgbench not found: it comes with PostgreSQL (Debian: apt-get install postgresql-contrib or postgresql), or set SHOP_PGBENCH.");

    private int runs;

    public async Task<PgBenchResult> RunAsync(string script, string database, int clients, int seconds)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        var arguments = new List<string>
        {
            "-n", "-M", "prepared", "-c", $"{clients}", "-j", $"{Math.Min(2, clients)}", "-T", $"{seconds}",
            "-h", server.Host ?? "127.0.0.1", "-p", $"{server.Port}", "-U", server.Username ?? "postgres",
            "-f", script,
        };
        foreach (var (name, value) in variables.Append(new("run", $"{++runs}")))
        {
            arguments.Add("-D");
            arguments.Add($"{name}={value}");
        }
        arguments.Add(database);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (server.Password is { } password) start.Environment["PGPASSWORD"] = password;

        using var process = Process.Start(start) ?? throw new BenchFailed($"{executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output;
        var tps = Tps().Match(text);
        if (!tps.Success)
        {
            throw new BenchFailed($"pgbench {Path.GetFileName(script)} gave no tps (exit code {process.ExitCode}):\n{text}\n{await errors}");
        }
        var latency = Latency().Match(text);
        var failed = Failed().Match(text);
        string? problem = null;
        if (process.ExitCode != 0)
        {
            problem = $"exit code {process.ExitCode}: {(await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()}";
        }
        else if (failed.Success && failed.Groups[1].Value != "0")
        {
            problem = $"{failed.Groups[1].Value} failed transactions";
        }
        return new PgBenchResult(
            double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
            latency.Success ? double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN,
            problem);
    }

    [GeneratedRegex(@"^tps = ([\d.]+) \(without initial connection time\)", RegexOptions.Multiline)]
    private static partial Regex Tps();

    [GeneratedRegex(@"^latency average = ([\d.]+) ms", RegexOptions.Multiline)]
    private static partial Regex Latency();

    [GeneratedRegex(@"^number of failed transactions: (\d+)", RegexOptions.Multiline)]
    private static partial Regex Failed();
}
