using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Shop.Benchmarks.Load;

/// <summary>
/// The load generator for single-RPC operations: nghttp2's <c>h2load</c>, one thread of C, sending one prebuilt gRPC
/// request frame over and over (4 HTTP/2 connections, concurrency ÷ 4 streams each), so that the load costs the
/// machine far less than the services it measures (Grpc.Net.Client in the same cores cost more than a trivial server).
/// It sees only HTTP statuses, not grpc-status: <see cref="H2LoadRun.ResponseDataBytes"/> lets the caller prove each
/// call's outcome another way (see <see cref="SingleRpcLoad"/>).
/// </summary>
internal sealed partial class H2Load(string executable, string workDirectory)
{
    public const int Connections = 4;

    public static string Find() =>
        new[] { Environment.GetEnvironmentVariable("SHOP_H2LOAD"), "/usr/bin/h2load", "/usr/local/bin/h2load" }
            .FirstOrDefault(File.Exists)
        ?? throw new BenchFailed("h2load not found: ./build.sh --target=Bench installs it as root on Debian (apt-get install nghttp2-client), or set SHOP_H2LOAD.");

    /// <summary>Sends the frame for about <paramref name="duration"/> (JIT, pools, caches), nothing recorded.</summary>
    /// <returns>The calls per second it reached.</returns>
    public async Task<double> WarmUpAsync(Uri target, byte[] frame, IReadOnlyDictionary<string, string> headers, int concurrency, TimeSpan duration)
    {
        var output = await RunAsync(["-D", $"{Math.Max(1, (int)Math.Round(duration.TotalSeconds))}"], target, frame, headers, concurrency, logFile: null);
        var finished = Finished().Match(output);
        return finished.Success ? double.Parse(finished.Groups["rate"].Value, CultureInfo.InvariantCulture) : throw new BenchFailed($"h2load gave no summary:\n{output}");
    }

    /// <summary>Exactly <paramref name="calls"/> calls, each one's latency logged: every call completes, so the traffic counts are exact.</summary>
    public async Task<H2LoadRun> MeasureAsync(Uri target, byte[] frame, IReadOnlyDictionary<string, string> headers, int concurrency, long calls)
    {
        var log = Path.Combine(workDirectory, "h2load-latencies.tsv");
        var output = await RunAsync(["-n", $"{calls}"], target, frame, headers, concurrency, log);
        // Per call: start (µs since the epoch), HTTP status, µs until the end of the response.
        var latencies = File.ReadLines(log).Select(line => line.Split('\t'))
            .Select(columns => (Status: columns[1], Ms: long.Parse(columns[2], CultureInfo.InvariantCulture) / 1000.0)).ToList();
        File.Delete(log);
        var requests = Requests().Match(output);
        var data = DataBytes().Match(output);
        var finished = Finished().Match(output);
        if (!requests.Success || !data.Success || !finished.Success) throw new BenchFailed($"h2load gave no summary:\n{output}");
        return new H2LoadRun(
            Seconds: Seconds(finished),
            Succeeded: long.Parse(requests.Groups["succeeded"].Value, CultureInfo.InvariantCulture),
            Failed: long.Parse(requests.Groups["failed"].Value, CultureInfo.InvariantCulture) + long.Parse(requests.Groups["errored"].Value, CultureInfo.InvariantCulture)
                + long.Parse(requests.Groups["timeout"].Value, CultureInfo.InvariantCulture),
            ResponseDataBytes: long.Parse(data.Groups[1].Value, CultureInfo.InvariantCulture),
            LatenciesMs: latencies.Where(l => l.Status == "200").Select(l => l.Ms).Order().ToArray());
    }

    // h2load prints a duration in the largest unit that keeps it at least 1: s, ms or us.
    private static double Seconds(Match finished) =>
        double.Parse(finished.Groups["time"].Value, CultureInfo.InvariantCulture) / finished.Groups["unit"].Value switch { "s" => 1, "ms" => 1e3, _ => 1e6 };

    private async Task<string> RunAsync(string[] mode, Uri target, byte[] frame, IReadOnlyDictionary<string, string> headers, int concurrency, string? logFile)
    {
        if (concurrency % Connections != 0) throw new BenchFailed($"h2load runs {Connections} connections: a concurrency of {concurrency} does not split evenly.");
        var body = Path.Combine(workDirectory, "h2load-request.bin");
        await File.WriteAllBytesAsync(body, frame);
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in mode) start.ArgumentList.Add(argument);
        foreach (var argument in new[] { "-t", "1", "-c", $"{Connections}", "-m", $"{concurrency / Connections}", "-d", body,
            "-H", "content-type: application/grpc", "-H", "te: trailers" })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"{name}: {value}");
        }
        if (logFile is not null) start.ArgumentList.Add($"--log-file={logFile}");
        start.ArgumentList.Add(target.AbsoluteUri);

        using var process = Process.Start(start) ?? throw new BenchFailed($"{executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output;
        if (process.ExitCode != 0) throw new BenchFailed($"h2load exited with {process.ExitCode}:\n{text}\n{await errors}");
        return text;
    }

    [GeneratedRegex(@"^finished in (?<time>[\d.]+)(?<unit>s|ms|us), (?<rate>[\d.]+) req/s", RegexOptions.Multiline)]
    private static partial Regex Finished();

    [GeneratedRegex(@"^requests: \d+ total, \d+ started, \d+ done, (?<succeeded>\d+) succeeded, (?<failed>\d+) failed, (?<errored>\d+) errored, (?<timeout>\d+) timeout", RegexOptions.Multiline)]
    private static partial Regex Requests();

    [GeneratedRegex(@"^traffic: .*, [\d.]+[KMG]?B \((\d+)\) data", RegexOptions.Multiline)]
    private static partial Regex DataBytes();
}
