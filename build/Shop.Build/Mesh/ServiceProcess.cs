using System.Diagnostics;

namespace Shop.Build.Mesh;

/// <summary>
/// A service as a real process on loopback, its output in a log file or on the console: for Run and
/// Demo, for fault tests that stop and restart a service, and for benchmarks, where its memory is its
/// own and its CPU competes with PostgreSQL.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process process;

    private ServiceProcess(string name, int port, string? logFile, Process process)
    {
        Name = name;
        Port = port;
        LogFile = logFile;
        this.process = process;
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>Where its output goes; null when it shares the console.</summary>
    public string? LogFile { get; }

    public Uri Address => MeshTopology.Loopback(Port);

    public bool HasExited => process.HasExited;

    /// <summary>The operating system's process id (the service itself: see <see cref="StartFrom"/>).</summary>
    public int Id => process.Id;

    /// <param name="dll">The service's built entry assembly, see <see cref="BuiltDll"/>.</param>
    /// <param name="logFile">Where its output goes (appended); null for the console.</param>
    /// <param name="arguments">
    /// More command-line arguments, e.g. <c>--Logging:LogLevel:Microsoft.AspNetCore=Information</c>: keys
    /// with a dot cannot go through the environment, which the shell drops them from.
    /// </param>
    public static ServiceProcess Start(string name, string dll, int port, IReadOnlyDictionary<string, string?> environment, string? logFile,
        params string[] arguments) =>
        StartFrom(Path.GetDirectoryName(dll)!, name, dll, port, environment, logFile, arguments);

    /// <summary>As <see cref="Start"/>, with another working directory than the service's own folder.</summary>
    public static ServiceProcess StartFrom(string workingDirectory, string name, string dll, int port, IReadOnlyDictionary<string, string?> environment,
        string? logFile, params string[] arguments)
    {
        if (!File.Exists(dll)) throw new ServiceProcessException($"{dll} not found: build the solution first.");
        LoopbackPorts.RequireFree(port);
        string[] command = logFile is null
            ? ["dotnet", dll, "--urls", MeshTopology.Loopback(port).AbsoluteUri.TrimEnd('/')]
            // exec keeps the process id, so /proc/<pid> is the service itself and not a shell.
            : ["/bin/sh", "-c", "dll=$1 urls=$2 log=$3; shift 3; exec dotnet \"$dll\" --urls \"$urls\" \"$@\" >>\"$log\" 2>&1",
                "sh", dll, MeshTopology.Loopback(port).AbsoluteUri.TrimEnd('/'), logFile];
        var start = new ProcessStartInfo(command[0]) { WorkingDirectory = workingDirectory };
        foreach (var argument in command.Skip(1).Concat(arguments)) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return new ServiceProcess(name, port, logFile, Process.Start(start) ?? throw new ServiceProcessException($"{name} did not start."));
    }

    /// <summary>
    /// <c>{root}/{folder}/{project}/bin/{configuration}/net10.0/{project}.dll</c>, the configuration
    /// being the one the calling assembly was built in when not given.
    /// </summary>
    public static string BuiltDll(string folder, string project, string? configuration = null, string? root = null)
    {
        root ??= RepositoryRoot.Folder;
        configuration ??= new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(root, folder, project, "bin", configuration, "net10.0", $"{project}.dll");
    }

    public async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!LoopbackPorts.IsListening(Port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new ServiceProcessException($"{Name} did not start listening on port {Port}{(LogFile is null ? "" : $"; see {LogFile}")}.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Kills the process at once, as a crash would: no graceful shutdown.</summary>
    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }
}
