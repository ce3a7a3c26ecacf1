// Shop mesh build: ./build.sh --target=<Target>. Targets are listed at the bottom.
// Without SHOP_POSTGRES (a connection string to an existing server) the build runs a private
// PostgreSQL cluster in .shop/pg on 127.0.0.1:$SHOP_PG_PORT (default 55432).

#load "build/proto-images.cake"

//////////////////////////////////////////////////////////////////////
// ARGUMENTS AND PATHS
//////////////////////////////////////////////////////////////////////

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");

var root = MakeAbsolute(Directory("."));
var shopDir = root.Combine(".shop");
var testResults = shopDir.Combine("test-results");
var solution = root.CombineWithFilePath("Shop.sln");
// Consumer tests write pacts to $SHOP_PACT_OUTPUT; the committed, reviewed ones live in contracts/pacts.
var generatedPacts = shopDir.Combine("pacts");
var committedPacts = root.Combine("contracts/pacts");
var pactCli = root.CombineWithFilePath("contracts/node_modules/@pact-foundation/pact-cli-linux-x64/standalone/pact");
var pgPort = EnvironmentVariable("SHOP_PG_PORT") ?? "55432";
var externalPostgres = EnvironmentVariable("SHOP_POSTGRES");
var postgres = new PrivatePostgres(Context, shopDir, pgPort);

// Base connection string (no database) every service and test derives its own from.
string PostgresConnection() => externalPostgres ?? $"Host=127.0.0.1;Port={pgPort};Username=postgres";

string ServiceConnection(string database) => $"{PostgresConnection()};Database={database}";

// The mesh as real processes on the Run ports, wired to each other and to PostgreSQL. Quiet: the
// services log errors only (the demo's outage is expected, its warnings would bury the tables).
MeshProcesses StartMesh(bool quiet = false)
{
    var environment = MeshEnvironment();
    if (quiet) environment["Logging__LogLevel__Default"] = "Error";
    var mesh = new MeshProcesses(Context, root, configuration, environment);
    mesh.Start("Shop.Users", 5101, new()
    {
        ["ConnectionStrings__Users"] = ServiceConnection("shop_users"),
        ["Services__Orders"] = "http://127.0.0.1:5102",
    });
    mesh.Start("Shop.Orders", 5102, new()
    {
        ["ConnectionStrings__Orders"] = ServiceConnection("shop_orders"),
        ["Services__Users"] = "http://127.0.0.1:5101",
        ["Services__Notifications"] = "http://127.0.0.1:5103",
    });
    mesh.Start("Shop.Notifications", 5103, new() { ["ConnectionStrings__Notifications"] = ServiceConnection("shop_notifications") });
    mesh.WaitUntilListening();
    return mesh;
}

// The command-line client against the Run ports; a failed command fails the build.
void ShopCli(string arguments)
{
    var cli = root.CombineWithFilePath($"services/Shop.Cli/bin/{configuration}/net10.0/Shop.Cli.dll");
    if (StartProcess("dotnet", new ProcessSettings { Arguments = $"\"{cli}\" {arguments}" }) != 0)
    {
        throw new CakeException($"shop {arguments} failed.");
    }
}

// Environment for everything that talks to PostgreSQL or loads the Pact engine.
Dictionary<string, string> MeshEnvironment() => new()
{
    ["SHOP_POSTGRES"] = PostgresConnection(),
    ["PACT_DO_NOT_TRACK"] = "true",
    ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
};

// The contract tests of one category (PactConsumer or PactProvider) across the solution.
void ContractTests(string category, Dictionary<string, string> environment)
{
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder()
            .Append("test").AppendQuoted(solution.FullPath)
            .Append("--no-build").Append("--configuration").Append(configuration)
            .Append("--filter").Append($"TestCategory={category}"),
        EnvironmentVariables = environment,
    });
    if (exitCode != 0)
    {
        throw new CakeException($"{category} tests failed (dotnet test exit code {exitCode}).");
    }
}

// The broker commands need PACT_BROKER_BASE_URL (and PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and
// PACT_BROKER_PASSWORD, which the CLI reads itself); without it they say so and succeed.
bool BrokerConfigured(string purpose)
{
    if (!string.IsNullOrEmpty(EnvironmentVariable("PACT_BROKER_BASE_URL"))) return true;
    Information($"Skipped: to {purpose}, set PACT_BROKER_BASE_URL and either PACT_BROKER_TOKEN or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD (version {GitCommit()}, branch {GitBranch()}).");
    return false;
}

void PactBroker(ProcessArgumentBuilder arguments)
{
    if (!FileExists(pactCli))
    {
        throw new CakeException($"The pact CLI is missing at {pactCli}: run ./build.sh --target=Pact-Install (npm package @pact-foundation/pact-cli-linux-x64).");
    }
    var exitCode = StartProcess(pactCli, new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().Append("broker").Append(arguments.Render()),
        EnvironmentVariables = new Dictionary<string, string> { ["PACT_DO_NOT_TRACK"] = "true" },
    });
    if (exitCode != 0)
    {
        throw new CakeException($"pact broker {arguments.Render()} failed (exit code {exitCode}).");
    }
}

string Git(string arguments)
{
    var exitCode = StartProcess("git", new ProcessSettings { Arguments = arguments, WorkingDirectory = root, RedirectStandardOutput = true }, out var output);
    return exitCode == 0 ? output.FirstOrDefault()?.Trim() ?? "" : "";
}

// The version a pact or verification belongs to: the commit it was built from.
string GitCommit() => Git("rev-parse HEAD") is { Length: > 0 } sha ? sha : "unknown";

// CI checkouts are often detached: prefer the branch the CI names.
string GitBranch() =>
    new[] { EnvironmentVariable("GITHUB_HEAD_REF"), EnvironmentVariable("GITHUB_REF_NAME"), Git("rev-parse --abbrev-ref HEAD") }
        .FirstOrDefault(b => !string.IsNullOrEmpty(b) && b != "HEAD") ?? "unknown";

//////////////////////////////////////////////////////////////////////
// TASKS
//////////////////////////////////////////////////////////////////////

Task("Clean")
    .Does(() =>
{
    DotNetClean(solution.FullPath, new DotNetCleanSettings { Configuration = configuration });
    CleanDirectory(testResults);
});

Task("Restore")
    .Does(() => DotNetRestore(solution.FullPath));

Task("Build")
    .IsDependentOn("Restore")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration, NoRestore = true });
});

Task("Pact-Install")
    .Description("Installs the pinned Pact engine (libpact_ffi) and CLI from npm into contracts/node_modules.")
    .Does(() =>
{
    var lockFile = root.CombineWithFilePath("contracts/package-lock.json");
    var marker = root.CombineWithFilePath("contracts/node_modules/.package-lock.json");
    if (FileExists(marker) && System.IO.File.GetLastWriteTimeUtc(marker.FullPath) >= System.IO.File.GetLastWriteTimeUtc(lockFile.FullPath))
    {
        return;
    }
    var exitCode = StartProcess("npm", new ProcessSettings
    {
        Arguments = "ci --prefix contracts --no-audit --no-fund --loglevel=error",
        WorkingDirectory = root,
    });
    if (exitCode != 0)
    {
        throw new CakeException("npm ci failed: the Pact engine comes from the npm registry (packages in contracts/package.json); Node.js and npm are needed.");
    }
});

Task("Proto-Check")
    .Description("buf lint (standard rules, protovalidate's included) and buf breaking against the main branch, for every proto.")
    .IsDependentOn("Restore")
    .Does(() =>
{
    var buf = root.CombineWithFilePath(".config/node_modules/.bin/buf");
    if (!FileExists(buf) && StartProcess("npm", new ProcessSettings { Arguments = "ci --prefix .config --no-audit --no-fund --loglevel=error", WorkingDirectory = root }) != 0)
    {
        throw new CakeException("npm ci --prefix .config failed: buf comes from the npm registry (.config/package.json).");
    }
    var images = shopDir.Combine("proto-check");
    EnsureDirectoryExists(images);
    CleanDirectory(images);
    var current = images.CombineWithFilePath("current.binpb");
    BuildProtoImage(root.Combine("protos"), current);
    if (StartProcess(buf, new ProcessSettings { Arguments = $"lint \"{current}\" --config protos/buf.yaml --path shop", WorkingDirectory = root }) != 0)
    {
        throw new CakeException("buf lint found problems in protos/ (listed above).");
    }
    var against = Argument("proto-base", "main");
    if (StartProcess("git", new ProcessSettings { Arguments = $"rev-parse --verify --quiet {against}", WorkingDirectory = root, RedirectStandardOutput = true }) != 0)
    {
        Warning($"No git ref '{against}': breaking-change check skipped (pass --proto-base=<ref>).");
        return;
    }
    var archive = images.CombineWithFilePath("base.tar");
    if (StartProcess("git", new ProcessSettings { Arguments = $"archive --format=tar -o \"{archive}\" {against} protos", WorkingDirectory = root }) != 0
        || StartProcess("tar", new ProcessSettings { Arguments = $"-xf \"{archive}\" -C \"{images}\"" }) != 0)
    {
        throw new CakeException($"Could not take protos/ from {against}.");
    }
    var baseImage = images.CombineWithFilePath("base.binpb");
    BuildProtoImage(images.Combine("protos"), baseImage);
    var breaking = $"breaking \"{current}\" --against \"{baseImage}\" --config protos/buf.yaml --against-config \"{images}/protos/buf.yaml\" --path shop";
    if (StartProcess(buf, new ProcessSettings { Arguments = breaking, WorkingDirectory = root }) != 0)
    {
        throw new CakeException($"buf breaking: protos/ breaks compatibility with {against} (listed above). Add a new field, RPC or package version instead.");
    }
});

Task("Db-Up")
    .Description("Starts the private PostgreSQL cluster (installing the server on Debian as root if missing).")
    .Does(() =>
{
    if (externalPostgres is not null)
    {
        Information("Using SHOP_POSTGRES; no private cluster started.");
        return;
    }
    postgres.Start();
    Information($"PostgreSQL on 127.0.0.1:{pgPort} (data in {postgres.DataDirectory}).");
});

Task("Db-Down")
    .Description("Stops the private PostgreSQL cluster; its data stays in .shop/pg.")
    .Does(() => postgres.Stop());

Task("Test")
    .Description("Runs every test project against real PostgreSQL; ends with 'N passed, N failed'.")
    .IsDependentOn("Build")
    .IsDependentOn("Pact-Install")
    .IsDependentOn("Db-Up")
    .Does(() =>
{
    CleanDirectory(testResults);
    CleanDirectory(generatedPacts);
    var environment = MeshEnvironment();
    environment["SHOP_PACT_OUTPUT"] = ".shop/pacts";
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder()
            .Append("test").AppendQuoted(solution.FullPath)
            .Append("--no-build").Append("--configuration").Append(configuration)
            .Append("--logger").Append("trx")
            .Append("--results-directory").AppendQuoted(testResults.FullPath),
        EnvironmentVariables = environment,
    });
    var (passed, failed) = TrxSummary.Sum(GetFiles(testResults.FullPath + "/**/*.trx"));
    Information($"Test results: {testResults}");
    var summary = $"{passed} passed, {failed} failed";
    Console.WriteLine(summary);
    System.IO.File.WriteAllText(testResults.CombineWithFilePath("summary.txt").FullPath, summary + "\n");
    if (exitCode != 0 || failed > 0 || passed == 0)
    {
        throw new CakeException($"Tests failed (dotnet test exit code {exitCode}).");
    }
    // The consumer tests just rewrote every pact: the committed ones must say the same.
    var pactChanges = PactFiles.Differences(generatedPacts, committedPacts);
    if (pactChanges.Count > 0)
    {
        Error(string.Join("\n", pactChanges.Select(c => "  " + c)));
        throw new CakeException("pacts changed: run ./build.sh --target=Pact-Consumer and commit contracts/pacts");
    }
});

Task("Pact-Consumer")
    .Description("Runs the consumer contract tests and rewrites contracts/pacts from them (review and commit the result).")
    .IsDependentOn("Build")
    .IsDependentOn("Pact-Install")
    .Does(() =>
{
    EnsureDirectoryExists(committedPacts);
    DeleteFiles(committedPacts.FullPath + "/*.json");
    var environment = MeshEnvironment();
    environment["SHOP_PACT_OUTPUT"] = "contracts/pacts";
    ContractTests("PactConsumer", environment);
    Information($"Pacts written to {committedPacts}: {string.Join(", ", GetFiles(committedPacts.FullPath + "/*.json").Select(f => f.GetFilename().ToString()))}");
});

Task("Pact-Verify")
    .Description("Verifies every provider (real host, real PostgreSQL) against contracts/pacts, and that broken providers fail.")
    .IsDependentOn("Build")
    .IsDependentOn("Pact-Install")
    .IsDependentOn("Db-Up")
    .Does(() => ContractTests("PactProvider", MeshEnvironment()));

Task("Pact-Publish")
    .Description("Publishes contracts/pacts to the Pact Broker at $PACT_BROKER_BASE_URL (version: git sha, branch: git branch).")
    .IsDependentOn("Pact-Install")
    .Does(() =>
{
    if (!BrokerConfigured("publish contracts/pacts")) return;
    PactBroker(new ProcessArgumentBuilder()
        .Append("publish").AppendQuoted(committedPacts.FullPath)
        .Append("--consumer-app-version").AppendQuoted(GitCommit())
        .Append("--branch").AppendQuoted(GitBranch()));
});

Task("Can-I-Deploy")
    .Description("Asks the Pact Broker whether this git sha of every service can be deployed to $PACT_ENVIRONMENT (default production).")
    .IsDependentOn("Pact-Install")
    .Does(() =>
{
    var environment = EnvironmentVariable("PACT_ENVIRONMENT") ?? "production";
    if (!BrokerConfigured($"ask whether this version can be deployed to '{environment}'")) return;
    foreach (var service in new[] { "orders", "users", "notifications" })
    {
        PactBroker(new ProcessArgumentBuilder()
            .Append("can-i-deploy")
            .Append("--pacticipant").AppendQuoted(service).Append("--version").AppendQuoted(GitCommit())
            .Append("--to-environment").AppendQuoted(environment));
    }
});

Task("Run")
    .Description("Starts PostgreSQL and the services on loopback until Ctrl-C.")
    .IsDependentOn("Build")
    .IsDependentOn("Db-Up")
    .Does(() =>
{
    var mesh = StartMesh();
    Information("Call them with grpcurl -plaintext 127.0.0.1:5101 list, or the client: dotnet run --project services/Shop.Cli -- --help");
    Information("Ctrl-C stops the services (PostgreSQL keeps running; ./build.sh --target=Db-Down stops it).");
    mesh.WaitForExit();
});

Task("Demo")
    .Description("Starts the mesh as processes and walks the seed scenario, with an orders outage; exit 0 only if every step behaved.")
    .IsDependentOn("Build")
    .IsDependentOn("Db-Up")
    .Does(() =>
{
    var mesh = StartMesh(quiet: true);
    try
    {
        ShopCli("health --wait 30");
        ShopCli("demo --phase flow");
        Information("Stopping the orders service...");
        mesh.Stop("Shop.Orders");
        ShopCli("demo --phase outage");
        Information("Restarting the orders service...");
        mesh.Restart("Shop.Orders");
        ShopCli("health --wait 30");
        ShopCli("demo --phase recovery");
    }
    finally
    {
        mesh.StopAll();
    }
});

Task("Bench")
    .Description("Benchmarks the services as processes against pgbench and a bare gRPC echo server; prints the table and writes .shop/bench/latest.md.")
    .IsDependentOn("Build")
    .IsDependentOn("Db-Up")
    .Does(() =>
{
    // The program starts and stops the services itself (own ports and databases), so it can read their memory.
    var bench = root.CombineWithFilePath($"tests/Shop.Benchmarks/bin/{configuration}/net10.0/Shop.Benchmarks.dll");
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().AppendQuoted(bench.FullPath)
            .Append("--root").AppendQuoted(root.FullPath).Append("--configuration").Append(configuration),
        EnvironmentVariables = MeshEnvironment(),
    });
    if (exitCode != 0)
    {
        throw new CakeException("The benchmark run failed or had errors (see above and .shop/bench/latest.md).");
    }
});

Task("CI")
    .Description("What CI runs: proto checks, then build and every test including contract verification.")
    .IsDependentOn("Proto-Check")
    .IsDependentOn("Test")
    .IsDependentOn("Pact-Publish")
    .IsDependentOn("Can-I-Deploy");

Task("Default")
    .IsDependentOn("Test");

RunTarget(target);

//////////////////////////////////////////////////////////////////////
// HELPERS
//////////////////////////////////////////////////////////////////////

/// <summary>A PostgreSQL cluster of our own under .shop/pg, tuned for tests rather than durability.</summary>
public sealed class PrivatePostgres
{
    private readonly ICakeContext context;
    private readonly string port;
    private readonly DirectoryPath shopDir;

    public PrivatePostgres(ICakeContext context, DirectoryPath shopDir, string port)
    {
        this.context = context;
        this.shopDir = shopDir;
        this.port = port;
        DataDirectory = shopDir.Combine("pg");
    }

    public DirectoryPath DataDirectory { get; }

    private bool IsRoot => Environment.UserName == "root";

    public void Start()
    {
        var bin = FindBinaries() ?? InstallServer();
        if (!System.IO.File.Exists(DataDirectory.CombineWithFilePath("PG_VERSION").FullPath))
        {
            Initialise(bin);
        }
        if (Run(bin, "pg_ctl", $"status -D \"{DataDirectory}\"", quiet: true) == 0)
        {
            return;
        }
        if (PortInUse())
        {
            throw new Exception($"Port {port} is taken by another server. Stop it, set SHOP_PG_PORT to a free port, or set SHOP_POSTGRES to use it.");
        }
        var log = DataDirectory.CombineWithFilePath("server.log");
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''";
        if (Run(bin, "pg_ctl", $"start -w -t 60 -D \"{DataDirectory}\" -l \"{log}\" -o \"{options}\"") != 0)
        {
            throw new Exception($"PostgreSQL did not start; see {log}.");
        }
    }

    public void Stop()
    {
        var bin = FindBinaries();
        if (bin is null || !System.IO.Directory.Exists(DataDirectory.FullPath)) return;
        if (Run(bin, "pg_ctl", $"status -D \"{DataDirectory}\"", quiet: true) == 0)
        {
            Run(bin, "pg_ctl", $"stop -m fast -D \"{DataDirectory}\"");
        }
    }

    private void Initialise(string bin)
    {
        context.Information($"Creating a PostgreSQL cluster in {DataDirectory}");
        System.IO.Directory.CreateDirectory(DataDirectory.FullPath);
        if (IsRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres account.
            if (context.StartProcess("id", new ProcessSettings { Arguments = "-u postgres", RedirectStandardOutput = true }) != 0)
            {
                context.StartProcess("useradd", "--system --user-group --no-create-home postgres");
            }
            context.StartProcess("chown", $"-R postgres:postgres \"{DataDirectory}\"");
            if (context.StartProcess("runuser", $"-u postgres -- test -w \"{DataDirectory}\"") != 0)
            {
                throw new Exception($"The postgres account cannot reach {DataDirectory}: clone the repository where it can (e.g. not under a private home folder), or set SHOP_POSTGRES.");
            }
        }
        var settings = "--auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 --no-sync";
        if (Run(bin, "initdb", $"-D \"{DataDirectory}\" {settings}") != 0)
        {
            throw new Exception("initdb failed.");
        }
        // A scratch cluster for development and tests: speed over crash safety.
        System.IO.File.AppendAllText(DataDirectory.CombineWithFilePath("postgresql.conf").FullPath, string.Join("\n",
            "", "# Shop mesh private cluster", "fsync = off", "synchronous_commit = off", "full_page_writes = off",
            "max_connections = 300", "shared_buffers = 256MB", "") );
    }

    private int Run(string bin, string tool, string arguments, bool quiet = false)
    {
        var settings = new ProcessSettings
        {
            Arguments = IsRoot ? $"-u postgres -- {bin}/{tool} {arguments}" : arguments,
            RedirectStandardOutput = quiet,
            RedirectStandardError = quiet,
        };
        return context.StartProcess(IsRoot ? "runuser" : $"{bin}/{tool}", settings);
    }

    private bool PortInUse()
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect("127.0.0.1", int.Parse(port));
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static string FindBinaries()
    {
        var versions = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(System.IO.Path.GetFileName(d), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        foreach (var dir in versions.Select(d => System.IO.Path.Combine(d, "bin")).Append("/usr/local/bin").Append("/usr/bin"))
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir, "initdb")) && System.IO.File.Exists(System.IO.Path.Combine(dir, "pg_ctl")))
            {
                return dir;
            }
        }
        return null;
    }

    private string InstallServer()
    {
        if (!IsRoot || !System.IO.File.Exists("/usr/bin/apt-get"))
        {
            throw new Exception("PostgreSQL server binaries (initdb, pg_ctl) not found. Install them (Debian/Ubuntu: sudo apt-get install -y postgresql), or set SHOP_POSTGRES to a connection string of an existing server.");
        }
        context.Information("Installing PostgreSQL (apt-get install -y postgresql)");
        var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        context.StartProcess("apt-get", new ProcessSettings { Arguments = "update -qq", EnvironmentVariables = env });
        if (context.StartProcess("apt-get", new ProcessSettings { Arguments = "install -y -qq postgresql", EnvironmentVariables = env }) != 0)
        {
            throw new Exception("apt-get install postgresql failed.");
        }
        return FindBinaries() ?? throw new Exception("PostgreSQL installed, but initdb was not found under /usr/lib/postgresql.");
    }
}

/// <summary>Adds up the counters of every TRX file a test run wrote.</summary>
public static class TrxSummary
{
    public static (int Passed, int Failed) Sum(IEnumerable<FilePath> files)
    {
        int passed = 0, failed = 0;
        foreach (var file in files)
        {
            var counters = System.Xml.Linq.XDocument.Load(file.FullPath).Descendants().First(e => e.Name.LocalName == "Counters");
            int Count(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0");
            passed += Count("passed");
            failed += Count("failed") + Count("error") + Count("timeout") + Count("aborted");
        }
        return (passed, failed);
    }
}

/// <summary>
/// Compares regenerated pact files with the committed ones as JSON: key order, interaction order and
/// the engine's version stamp (metadata.pactRust) do not count.
/// </summary>
public static class PactFiles
{
    public static List<string> Differences(DirectoryPath generated, DirectoryPath committed)
    {
        var differences = new List<string>();
        var names = Names(generated).Union(Names(committed)).OrderBy(n => n, StringComparer.Ordinal);
        foreach (var name in names)
        {
            var fresh = Interactions(generated, name);
            var kept = Interactions(committed, name);
            if (fresh is null) { differences.Add($"{name}: committed, but no consumer test wrote it"); continue; }
            if (kept is null) { differences.Add($"{name}: new, not in contracts/pacts"); continue; }
            foreach (var description in fresh.Keys.Union(kept.Keys).OrderBy(d => d, StringComparer.Ordinal))
            {
                if (!kept.ContainsKey(description)) differences.Add($"{name}: new interaction '{description}'");
                else if (!fresh.ContainsKey(description)) differences.Add($"{name}: interaction '{description}' no longer written");
                else if (!System.Text.Json.Nodes.JsonNode.DeepEquals(fresh[description], kept[description])) differences.Add($"{name}: interaction '{description}' changed");
            }
            if (!System.Text.Json.Nodes.JsonNode.DeepEquals(Rest(generated, name), Rest(committed, name))) differences.Add($"{name}: consumer, provider or metadata changed");
        }
        return differences;
    }

    private static IEnumerable<string> Names(DirectoryPath directory) =>
        System.IO.Directory.Exists(directory.FullPath)
            ? System.IO.Directory.GetFiles(directory.FullPath, "*.json").Select(f => System.IO.Path.GetFileName(f))
            : Enumerable.Empty<string>();

    private static System.Text.Json.Nodes.JsonObject Load(DirectoryPath directory, string name)
    {
        var path = System.IO.Path.Combine(directory.FullPath, name);
        return System.IO.File.Exists(path) ? System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(path))!.AsObject() : null;
    }

    private static Dictionary<string, System.Text.Json.Nodes.JsonNode> Interactions(DirectoryPath directory, string name) =>
        Load(directory, name) is { } pact
            ? (pact["interactions"]?.AsArray() ?? new System.Text.Json.Nodes.JsonArray())
                .GroupBy(i => i?["description"]?.GetValue<string>() ?? "")
                .ToDictionary(g => g.Key, g => g.First()!)
            : null;

    // Everything but the interactions and the engine's version stamp.
    private static System.Text.Json.Nodes.JsonNode Rest(DirectoryPath directory, string name)
    {
        var pact = Load(directory, name);
        pact.Remove("interactions");
        (pact["metadata"] as System.Text.Json.Nodes.JsonObject)?.Remove("pactRust");
        return pact;
    }
}

/// <summary>The services as real processes on loopback, stopped together.</summary>
public sealed class MeshProcesses
{
    private readonly ICakeContext context;
    private readonly DirectoryPath root;
    private readonly string configuration;
    private readonly Dictionary<string, string> environment;
    private readonly Dictionary<string, (int Port, Dictionary<string, string> Settings, System.Diagnostics.Process Process)> running = new();

    public MeshProcesses(ICakeContext context, DirectoryPath root, string configuration, Dictionary<string, string> environment)
    {
        this.context = context;
        this.root = root;
        this.configuration = configuration;
        this.environment = environment;
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; StopAll(); };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
    }

    public void Start(string project, int port, Dictionary<string, string> settings)
    {
        var dll = root.CombineWithFilePath($"services/{project}/bin/{configuration}/net10.0/{project}.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = dll.GetDirectory().FullPath };
        start.ArgumentList.Add(dll.FullPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        running[project] = (port, settings, System.Diagnostics.Process.Start(start));
    }

    public void Stop(string project)
    {
        var process = running[project].Process;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Restart(string project)
    {
        Stop(project);
        var (port, settings, _) = running[project];
        Start(project, port, settings);
        WaitUntilListening();
    }

    public void WaitUntilListening()
    {
        foreach (var (name, (port, _, process)) in running)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!Listening(port))
            {
                if (DateTime.UtcNow > deadline || process.HasExited)
                {
                    StopAll();
                    throw new Exception($"{name} did not start listening on port {port}.");
                }
                System.Threading.Thread.Sleep(200);
            }
            context.Information($"{name,-20} http://127.0.0.1:{port}  (gRPC over HTTP/2 without TLS)");
        }
    }

    public void WaitForExit()
    {
        while (running.Count > 0 && running.Values.All(r => !r.Process.HasExited))
        {
            System.Threading.Thread.Sleep(500);
        }
        StopAll();
    }

    public void StopAll()
    {
        foreach (var (_, _, process) in running.Values)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        running.Clear();
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
