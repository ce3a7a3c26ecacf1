using System.Diagnostics;
using System.Net.Sockets;

namespace Shop.Benchmarks.Hosting;

/// <summary>
/// A service (or the echo server) as a real process on loopback, its output in a log file, so its
/// memory is its own and its CPU competes with PostgreSQL as in production.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process process;

    private ServiceProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        this.process = process;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public static ServiceProcess Start(string name, string dll, int port, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        if (!File.Exists(dll)) throw new BenchFailed($"{dll} not found: build first (./build.sh --target=Bench builds).");
        RequireFree(port);
        // exec keeps the process id, so /proc/<pid> is the service itself and not a shell.
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var argument in new[] { "-c", "exec dotnet \"$1\" --urls \"$2\" >\"$3\" 2>&1", "sh", dll, $"http://127.0.0.1:{port}", logFile })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return new ServiceProcess(name, port, Process.Start(start) ?? throw new BenchFailed($"{name} did not start."));
    }

    public static void RequireFree(int port)
    {
        if (Listening(port)) throw new BenchFailed($"Port {port} is taken: stop what listens there, or pass --port-base.");
    }

    public async Task WaitUntilListeningAsync(TimeSpan timeout, string logFile)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Listening(Port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new BenchFailed($"{Name} did not start listening on port {Port}; see {logFile}.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The most memory the process has had resident since it started (VmHWM), in bytes.</summary>
    public long PeakWorkingSet()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
            }
        }
        throw new BenchFailed($"No VmHWM in /proc/{process.Id}/status for {Name}.");
    }

    public bool HasExited => process.HasExited;

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
