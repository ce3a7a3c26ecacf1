using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Shop.Testing;

/// <summary>
/// A service as a real process on loopback, its output in a log file: for fault tests that stop and
/// restart a service, and for benchmarks, where its memory is its own and its CPU competes with PostgreSQL.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process process;

    private ServiceProcess(string name, int port, string logFile, Process process)
    {
        Name = name;
        Port = port;
        LogFile = logFile;
        this.process = process;
    }

    public string Name { get; }

    public int Port { get; }

    public string LogFile { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public bool HasExited => process.HasExited;

    /// <param name="dll">The service's built entry assembly, see <see cref="BuiltDll"/>.</param>
    /// <param name="arguments">
    /// More command-line arguments, e.g. <c>--Logging:LogLevel:Microsoft.AspNetCore=Information</c>: keys
    /// with a dot cannot go through the environment, which the shell drops them from.
    /// </param>
    public static ServiceProcess Start(string name, string dll, int port, IReadOnlyDictionary<string, string> environment, string logFile,
        params string[] arguments)
    {
        if (!File.Exists(dll)) throw new ServiceProcessException($"{dll} not found: build the solution first.");
        RequireFree(port);
        // exec keeps the process id, so /proc/<pid> is the service itself and not a shell.
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        const string Script = "dll=$1 urls=$2 log=$3; shift 3; exec dotnet \"$dll\" --urls \"$urls\" \"$@\" >>\"$log\" 2>&1";
        foreach (var argument in new[] { "-c", Script, "sh", dll, $"http://127.0.0.1:{port}", logFile }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return new ServiceProcess(name, port, logFile, Process.Start(start) ?? throw new ServiceProcessException($"{name} did not start."));
    }

    /// <summary>
    /// <c>{root}/{folder}/{project}/bin/{configuration}/net10.0/{project}.dll</c>, the configuration
    /// being the one the calling test assembly was built in when not given.
    /// </summary>
    public static string BuiltDll(string folder, string project, string? configuration = null, string? root = null)
    {
        root ??= RepositoryRoot.Folder;
        configuration ??= new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(root, folder, project, "bin", configuration, "net10.0", $"{project}.dll");
    }

    /// <summary>A loopback port nothing listens on now (the system's pick, so parallel runs do not collide).</summary>
    public static int FreePort() => FreePorts(1)[0];

    /// <summary>
    /// <paramref name="count"/> different loopback ports nothing listens on now. All are held until all
    /// are picked: released one at a time, the system may hand the same port out again.
    /// </summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return [.. listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }

    public static void RequireFree(int port)
    {
        if (Listening(port)) throw new ServiceProcessException($"Port {port} is taken: stop what listens there, or choose another port.");
    }

    public async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Listening(Port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new ServiceProcessException($"{Name} did not start listening on port {Port}; see {LogFile}.");
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
        throw new ServiceProcessException($"No VmHWM in /proc/{process.Id}/status for {Name}.");
    }

    /// <summary>Kills the process at once, as a crash would: no graceful shutdown.</summary>
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
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>A service process that could not be started or read.</summary>
public sealed class ServiceProcessException(string message) : Exception(message);
