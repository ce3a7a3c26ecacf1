using Shop.Benchmarks.Data;
using Shop.Benchmarks.Hosting;
using Shop.Benchmarks.Load;
using Shop.Benchmarks.Reference;
using Shop.Benchmarks.Reporting;
using Shop.Build.Mesh;
using Shop.Testing.Auth;

namespace Shop.Benchmarks;

/// <summary>
/// One benchmark run: fresh databases, the services and the echo server as processes, seed data, the references
/// (echo under each load generator, pgbench's sweep of each operation's statements), then each operation under load
/// (h2load for single RPCs, a Grpc.Net.Client closed loop for the rest) against its bound, then the report.
/// </summary>
internal static class BenchRun
{
    /// <summary>Calls in flight for every operation: h2load's 4 connections × 16 streams, or 64 closed-loop workers.</summary>
    private const int Concurrency = 64;
    private const string OrderFlow = "place → pay → fulfil";
    private static readonly TimeSpan OutboxTimeout = TimeSpan.FromMinutes(2);

    /// <returns>True when no call failed.</returns>
    public static async Task<bool> RunAsync(BenchSettings settings)
    {
        var started = DateTimeOffset.UtcNow;
        var logs = Directory.CreateDirectory(Path.Combine(settings.OutputDirectory, "logs")).FullName;
        var databases = new BenchDatabases(settings.Postgres);
        var sizes = SeedSizes.Default;
        var pgBench = new PgBench(PgBench.Find(), settings.Postgres, new Dictionary<string, string>
        {
            ["users"] = $"{sizes.Users}",
            ["products"] = $"{sizes.Products}",
            ["notified_users"] = $"{sizes.NotifiedUsers}",
            ["k"] = "0",
        });

        // The services on the port base plus their offsets, the echo server on the port after theirs.
        var echoPort = settings.PortBase + MeshTopology.Services.Max(s => s.PortOffset) + 1;
        foreach (var port in MeshTopology.Services.Select(s => s.Port(settings.PortBase)).Append(echoPort))
        {
            LoopbackPorts.RequireFree(port);
        }
        Console.WriteLine($"Recreating {string.Join(", ", MeshTopology.Services.Select(BenchDatabases.Name))}...");
        await databases.DropAsync();

        MeshProcesses? mesh = null;
        ServiceProcess? echo = null;
        try
        {
            mesh = MeshProcesses.Start(new MeshOptions
            {
                Root = settings.ServicesRoot,
                Configuration = settings.Configuration,
                Port = service => service.Port(settings.PortBase),
                ConnectionString = service => databases.ConnectionString(BenchDatabases.Name(service), settings.PoolSize),
                Environment = ProductionEnvironment,
                // Production requires configured keys: the benchmark's own, made for this run (as the tests' are).
                // The outbox dispatcher delivers every order event to notifications while the load runs, as in production.
                Settings = service => TestKeys.Settings(service.Name),
                LogDirectory = logs,
            });
            echo = ServiceProcess.Start("echo", ServiceProcess.BuiltDll("tests", "Shop.Benchmarks.Echo", settings.Configuration, settings.Root), echoPort, ProductionEnvironment, Path.Combine(logs, "echo.log"));
            var processes = mesh.Running.Append(echo).ToList();
            foreach (var process in processes)
            {
                await process.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
                Console.WriteLine($"{process.Name,-14} {process.Address}");
            }
            Uri Address(MeshService service) => mesh.Address(service);

            Console.WriteLine("Seeding...");
            await databases.SeedAsync(sizes);

            using var clients = new MeshClients(Address(MeshTopology.Users), Address(MeshTopology.Orders), Address(MeshTopology.Notifications), echo.Address, settings.Channels);
            var sessions = new Sessions(sizes);
            var operations = new MeshOperations(clients, sizes, sessions);
            var rpcs = new SingleRpcs(clients, sessions, databases);
            var echoBytes = await operations.SizeEchoLikeGetUserAsync();
            var cpu = new CpuMeter([.. processes.Select(p => (p.Name, p.Id))], await CpuMeter.FindPostmasterAsync(databases.ConnectionString(BenchDatabases.Users)));
            var closedLoop = new ClosedLoopLoad(settings.WarmUp, TimeSpan.FromSeconds(settings.Seconds), cpu);
            var h2Load = new SingleRpcLoad(new H2Load(H2Load.Find(), Directory.CreateDirectory(Path.Combine(settings.OutputDirectory, "h2load")).FullName),
                settings.WarmUp, TimeSpan.FromSeconds(settings.Seconds), cpu);
            var scripts = Path.Combine(AppContext.BaseDirectory, "PgBench");
            var ceilings = new Ceilings();

            // Every measurement starts with the outbox empty, so no earlier operation's deliveries run in its window.
            Task<TimeSpan> OutboxDelivered() => databases.WaitForOutboxAsync(OutboxTimeout);
            async Task<LoadResult> Measure(string name, LoadDriver driver, Func<Task<LoadResult>> run)
            {
                var backlog = await OutboxDelivered();
                Console.WriteLine($"{name} ({Ceilings.Name(driver)}): {Concurrency} in flight, warm-up rounds of {settings.WarmUp.TotalSeconds:0} s, measuring {settings.Seconds} s" +
                    $"{(backlog.TotalSeconds >= 0.5 ? $" (after {backlog.TotalSeconds:0.0} s for the outbox to deliver what came before)" : "")}...");
                var result = await run();
                var settling = result.Settling > TimeSpan.Zero ? $", of which {result.Settling.TotalSeconds:0.00} s delivering the last events" : "";
                Console.WriteLine($"  warmed up {result.WarmUp.TotalSeconds:0} s; {result.CallsPerSecond:N0} calls/s over {result.Seconds:0.0} s{settling}, p50 {result.Percentile(0.50):0.00} ms, p99 {result.Percentile(0.99):0.00} ms, {result.Errors} errors, load average {Machine.LoadAverage():0.0}");
                return result;
            }

            // The product every PlaceOrder under h2load orders (a request is sent as it is, every time).
            var product = BenchIds.Of(BenchIds.Product, 1).ToString();
            (string Script, string Database) Statements(string script, string database) => (Path.Combine(scripts, script), database);
            var getUserSql = Statements("get_user.sql", BenchDatabases.Users);
            var deliverEventSql = Statements("deliver_event.sql", BenchDatabases.Notifications);
            var plan = new (string Name, LoadDriver Driver, Func<Task<LoadResult>> Run, OperationShape Shape, Func<Task>? AfterPgBench)[]
            {
                ("GetUser", LoadDriver.H2Load, () => h2Load.RunAsync(rpcs.GetUser(), Concurrency),
                    new([LoadDriver.H2Load], [getUserSql]), null),
                ("ListNotifications", LoadDriver.H2Load, () => h2Load.RunAsync(rpcs.ListNotifications(), Concurrency),
                    new([LoadDriver.H2Load], [Statements("list_notifications.sql", BenchDatabases.Notifications)]), null),
                // Orders asks users whether the user exists: a second hop, made by Grpc.Net.Client, and users' statement; then
                // its outbox delivers the order's event to notifications: a third hop and notifications' statement. The
                // window lasts until the last event is delivered.
                ("PlaceOrder", LoadDriver.H2Load, () => h2Load.RunAsync(rpcs.PlaceOrder(product), Concurrency, OutboxDelivered),
                    new([LoadDriver.H2Load, LoadDriver.GrpcNetClient, LoadDriver.GrpcNetClient],
                        [Statements("place_order.sql", BenchDatabases.Orders), getUserSql, deliverEventSql]), null),
                // Every call pays another order, so a repeated request will not do.
                ("PayOrder", LoadDriver.GrpcNetClient, () => closedLoop.RunAsync(Concurrency, operations.PayOrder, OutboxDelivered),
                    new([LoadDriver.GrpcNetClient, LoadDriver.GrpcNetClient], [Statements("pay_order.sql", BenchDatabases.Orders), deliverEventSql]),
                    databases.UnpayPgBenchOrdersAsync),
                // Three events a flow (placed, paid, fulfilled), each delivered.
                (OrderFlow, LoadDriver.GrpcNetClient, () => closedLoop.RunAsync(Concurrency, operations.OrderFlow, OutboxDelivered),
                    new([.. Enumerable.Repeat(LoadDriver.GrpcNetClient, 7)],
                        [Statements("order_flow.sql", BenchDatabases.Orders), getUserSql, deliverEventSql, deliverEventSql, deliverEventSql]), null),
            };
            var selected = plan.Where(p => settings.Runs(p.Name) || p.Name == OrderFlow && settings.Runs("OrderFlow")).ToList();

            // Fresh processes run unoptimised code for a while (tiered JIT, PGO instrumentation), longer on
            // a busy machine: everything is exercised together first, so no operation pays for that.
            Console.WriteLine($"Warming up every service for {settings.WarmUpAll.TotalSeconds:0} s...");
            var calls = new Func<int, Task>[] { operations.GetUser, operations.ListNotifications, operations.PlaceOrder, operations.PayOrder, operations.OrderFlow, operations.Echo };
            await new ClosedLoopLoad(settings.WarmUpAll, TimeSpan.Zero).RunAsync(4 * calls.Length, worker => calls[worker % calls.Length](worker));

            // The references first: echo with each load generator, then pgbench's sweep of every script the selected operations run.
            ceilings.Add(LoadDriver.H2Load, await Measure("echo", LoadDriver.H2Load, () => h2Load.RunAsync(rpcs.Echo(operations.EchoRequest), Concurrency)));
            ceilings.Add(LoadDriver.GrpcNetClient, await Measure("echo", LoadDriver.GrpcNetClient, () => closedLoop.RunAsync(Concurrency, operations.Echo)));
            foreach (var (script, database, after) in selected.SelectMany(p => p.Shape.Statements.Select(s => (s.Script, s.Database, p.AfterPgBench))).DistinctBy(s => s.Script))
            {
                Console.WriteLine($"pgbench {Path.GetFileName(script)}: {string.Join(", ", PgBenchSweep.Clients)} clients, {settings.PgBenchSeconds} s each...");
                ceilings.Add(await new PgBenchSweep(pgBench, settings.PgBenchSeconds).RunAsync(script, database, after));
            }

            var results = new List<OperationResult>();
            foreach (var (name, driver, run, shape, _) in selected)
            {
                var load = await Measure(name, driver, run);
                results.Add(new OperationResult(name, driver, load, ceilings.Of(shape), Machine.LoadAverage()));
            }

            if (processes.FirstOrDefault(p => p.HasExited) is { } crashed)
            {
                throw new BenchFailed($"{crashed.Name} exited during the run; see {Path.Combine(logs, $"{crashed.Name}.log")}.");
            }
            var memory = processes.Select(p => (p.Name, ProcessMemory.Of(p.Id))).ToList();

            var report = new BenchReport(
                started,
                Machine.Describe(),
                $"`./build.sh --target=Bench` ({settings.Configuration}): {settings.WarmUpAll.TotalSeconds:0} s warm-up of all operations together, then per operation " +
                $"warm-up in rounds of {settings.WarmUp.TotalSeconds:0} s until the services' JIT is quiet and a {settings.Seconds} s measuring window, {Concurrency} calls in flight over " +
                $"{H2Load.Connections} HTTP/2 connections per server.",
                results,
                ceilings,
                cpu.Measured,
                memory,
                Notes(settings, sizes, echoBytes, results));
            var markdown = report.ToMarkdown();
            var output = Path.Combine(settings.OutputDirectory, "latest.md");
            await File.WriteAllTextAsync(output, markdown);
            Console.WriteLine();
            Console.WriteLine(markdown);
            Console.WriteLine($"Written to {output}; service logs in {logs}.");
            return report.Errors == 0;
        }
        finally
        {
            mesh?.Dispose();
            echo?.Dispose();
        }
    }

    // The services run as in production: Production environment, their default logging.
    private static readonly Dictionary<string, string?> ProductionEnvironment = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    private static List<string> Notes(BenchSettings settings, SeedSizes sizes, int echoBytes, List<OperationResult> results) =>
    [
        "Bound: on one machine whose cores run the load generator, the services and PostgreSQL alike, a call costs at least one echo per gRPC hop " +
        "(with the load generator that made it) plus what PostgreSQL needs for its statements in each database it touches, so calls/s ≤ " +
        "1 / (Σ hops 1/echo + Σ databases 1/pgbench), even for a service that costs nothing itself. vs bound = calls/s ÷ bound.",
        $"h2load (nghttp2, one thread): GetUser, ListNotifications, PlaceOrder and echo, one prebuilt request frame with a real access token, " +
        $"{H2Load.Connections} connections × {Concurrency / H2Load.Connections} streams; warm-up in rounds until the rate stops climbing and the services' tiered JIT is quiet, then " +
        "a fixed number of calls (the window's worth at the warm-up's rate) " +
        "so every call completes. grpc-status 0 of every call is proven besides h2load's HTTP 200: the same call through Grpc.Net.Client is OK before " +
        "and after, and a read received exactly one response message of that size per call (an error carries none), while PlaceOrder left exactly " +
        "one order per call in the orders database.",
        $"Closed loop on Grpc.Net.Client: PayOrder (each call pays another seeded order) and place → pay → fulfil; {Concurrency} workers each keep " +
        $"one call in flight over {settings.Channels} channels per server; calls completing inside the window are counted, latency per call (per whole flow).",
        $"pgbench: `pgbench -n -M prepared -c <clients> -j 2 -T {settings.PgBenchSeconds}` with `tests/Shop.Benchmarks/PgBench/<script>.sql`, the statements the " +
        $"service runs, on the same database, at {string.Join(", ", PgBenchSweep.Clients)} clients; the best counts (@clients in the formula).",
        "PlaceOrder asks users about the user of every order (a Grpc.Net.Client hop and get_user.sql); the flow does so once. Each event a call writes " +
        "(placed, paid, fulfilled) is then delivered by the orders outbox to notifications: a Grpc.Net.Client hop and deliver_event.sql each, in the bound " +
        "(the outbox's own claim and mark statements are not, so the bound is a little high). The window of an operation that writes events lasts until " +
        "the outbox has delivered them all, so calls/s is what the mesh sustains, deliveries included; every measurement starts with the outbox empty.",
        "CPU per call: each process's user and system time in the window (/proc/<pid>/stat; PostgreSQL is its postmaster and every backend) divided by " +
        "the calls; \"load generator & other\" is the rest of the machine's busy time (h2load or Bench's own client, and anything else running).",
        $"Echo: a bare Grpc.AspNetCore server (`tests/Shop.Benchmarks.Echo`) returning the {echoBytes}-byte payload it is sent, the size of a GetUser response.",
        $"Seeded in SQL: {sizes.Users:N0} users, {sizes.Products:N0} products ({SeedSizes.Stock:N0} in stock each), pending orders for PayOrder, " +
        $"{sizes.NotificationsPerUser} notifications for each of {sizes.NotifiedUsers:N0} users and for h2load's reader (ListNotifications reads a first page of 20).",
        "The services run as separate processes (Production environment, their default logging) against the build's private PostgreSQL (fsync off); " +
        "figures move with the machine's load (the load average column), so compare ratios measured in the same run. " +
        "Peak working set is each process's VmHWM over the whole run; its parts are read at the end (RssAnon, RssFile, RssShmem).",
    ];
}
