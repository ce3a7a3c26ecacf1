using System.Diagnostics;
using Shop.Build.Mesh;

namespace Shop.Build.Postgres;

/// <summary>
/// A PostgreSQL cluster of our own (the build's is .shop/pg) on 127.0.0.1, tuned for tests rather than
/// durability. As root, the cluster belongs to the postgres account, since PostgreSQL refuses to run as root.
/// </summary>
/// <param name="log">Where to say what it does (creating a cluster, installing the server).</param>
public sealed class PrivatePostgres(string dataDirectory, int port, Action<string> log)
{
    public string DataDirectory { get; } = dataDirectory;

    public int Port { get; } = port;

    /// <summary>The connection string of the cluster, without a database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres";

    private static bool IsRoot => Environment.UserName == "root";

    private string ServerLog => Path.Combine(DataDirectory, "server.log");

    /// <summary>Starts the cluster, creating it first if there is none (and installing the server on Debian as root if missing).</summary>
    /// <exception cref="PrivatePostgresException">It could not be started, saying why and what to do.</exception>
    public void Start()
    {
        var bin = FindBinaries() ?? InstallServer();
        if (IsRunning(bin)) return;
        if (LoopbackPorts.IsListening(Port))
        {
            throw new PrivatePostgresException($"Port {Port} is taken by another server. Stop it, set SHOP_PG_PORT to a free port, or set SHOP_POSTGRES to use it.");
        }
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            Initialise(bin);
        }
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''";
        if (Run(bin, "pg_ctl", "start", "-w", "-t", "60", "-D", DataDirectory, "-l", ServerLog, "-o", options) != 0)
        {
            throw new PrivatePostgresException($"PostgreSQL did not start; see {ServerLog}.");
        }
    }

    /// <summary>Stops the cluster if it runs; its data stays.</summary>
    public void Stop()
    {
        var bin = FindBinaries();
        if (bin is null || !Directory.Exists(DataDirectory)) return;
        if (IsRunning(bin))
        {
            Run(bin, "pg_ctl", "stop", "-m", "fast", "-D", DataDirectory);
        }
    }

    public bool IsRunning() => FindBinaries() is { } bin && IsRunning(bin);

    private bool IsRunning(string bin) => Directory.Exists(DataDirectory) && Run(bin, "pg_ctl", quiet: true, "status", "-D", DataDirectory) == 0;

    private void Initialise(string bin)
    {
        log($"Creating a PostgreSQL cluster in {DataDirectory}");
        Directory.CreateDirectory(DataDirectory);
        if (IsRoot)
        {
            if (Execute("id", quiet: true, "-u", "postgres") != 0)
            {
                Execute("useradd", quiet: false, "--system", "--user-group", "--no-create-home", "postgres");
            }
            Execute("chown", quiet: false, "-R", "postgres:postgres", DataDirectory);
            if (Execute("runuser", quiet: true, "-u", "postgres", "--", "test", "-w", DataDirectory) != 0)
            {
                throw new PrivatePostgresException($"The postgres account cannot reach {DataDirectory}: clone the repository where it can (e.g. not under a private home folder), or set SHOP_POSTGRES.");
            }
        }
        if (Run(bin, "initdb", "-D", DataDirectory, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync") != 0)
        {
            throw new PrivatePostgresException("initdb failed.");
        }
        // A scratch cluster for development and tests: speed over crash safety.
        File.AppendAllLines(Path.Combine(DataDirectory, "postgresql.conf"),
        [
            "", "# Shop mesh private cluster", "fsync = off", "synchronous_commit = off", "full_page_writes = off",
            "max_connections = 300", "shared_buffers = 256MB",
        ]);
    }

    private int Run(string bin, string tool, params string[] arguments) => Run(bin, tool, quiet: false, arguments);

    private int Run(string bin, string tool, bool quiet, params string[] arguments) =>
        IsRoot
            ? Execute("runuser", quiet, ["-u", "postgres", "--", Path.Combine(bin, tool), .. arguments])
            : Execute(Path.Combine(bin, tool), quiet, arguments);

    private static int Execute(string program, bool quiet, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = quiet, RedirectStandardError = quiet };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new PrivatePostgresException($"{program} did not start.");
        if (quiet)
        {
            // Read both, so a chatty tool cannot block on a full pipe.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            Task.WaitAll(output, error);
        }
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>The newest server's binaries (initdb, pg_ctl), or null when none is installed.</summary>
    private static string? FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        return versions.Select(d => Path.Combine(d, "bin")).Append("/usr/local/bin").Append("/usr/bin")
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
    }

    private string InstallServer()
    {
        if (!IsRoot || !File.Exists("/usr/bin/apt-get"))
        {
            throw new PrivatePostgresException("PostgreSQL server binaries (initdb, pg_ctl) not found. Install them (Debian/Ubuntu: sudo apt-get install -y postgresql), or set SHOP_POSTGRES to a connection string of an existing server.");
        }
        log("Installing PostgreSQL (apt-get install -y postgresql)");
        Environment.SetEnvironmentVariable("DEBIAN_FRONTEND", "noninteractive");
        Execute("apt-get", quiet: false, "update", "-qq");
        if (Execute("apt-get", quiet: false, "install", "-y", "-qq", "postgresql") != 0)
        {
            throw new PrivatePostgresException("apt-get install postgresql failed.");
        }
        return FindBinaries() ?? throw new PrivatePostgresException("PostgreSQL installed, but initdb was not found under /usr/lib/postgresql.");
    }
}
