using Shop.Testing.Auth;
using Shop.Benchmarks.Data;
using Shop.Benchmarks.Hosting;
using Shop.Benchmarks.Load;
using Shop.Benchmarks.Reference;
using Shop.Benchmarks.Reporting;
using Shop.Build.Mesh;

namespace Shop.Benchmarks;

/// <summary>
/// One benchmark run: fresh databases, the services and the echo server as processes, seed data,
/// then per operation a closed-loop load and its pgbench ceiling, then the report.
/// </summary>
internal static class BenchRun
{
    private const int GetUserConcurrency = 64;
    private const int OrderConcurrency = 16;
    private const int ListConcurrency = 16;
    private const int EchoConcurrency = 64;
    private const string OrderFlow = "place → pay → fulfil";

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
                Root = settings.Root,
                Configuration = settings.Configuration,
                Port = service => service.Port(settings.PortBase),
                ConnectionString = service => databases.ConnectionString(BenchDatabases.Name(service)),
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
            await databases.SeedAsync(sizes, OrderConcurrency);

            using var clients = new MeshClients(Address(MeshTopology.Users), Address(MeshTopology.Orders), Address(MeshTopology.Notifications), echo.Address, settings.Channels);
            var operations = new MeshOperations(clients, sizes, new Sessions(sizes.Users));
            var echoBytes = await operations.SizeEchoLikeGetUserAsync();
            var load = new ClosedLoopLoad(settings.WarmUp, TimeSpan.FromSeconds(settings.Seconds));
            var scripts = Path.Combine(AppContext.BaseDirectory, "PgBench");

            async Task<LoadResult> Measure(string name, int concurrency, Func<int, Task> call)
            {
                Console.WriteLine($"{name}: {concurrency} in flight, warm-up {settings.WarmUp.TotalSeconds:0} s, measuring {settings.Seconds} s...");
                var result = await load.RunAsync(concurrency, call);
                Console.WriteLine($"  {result.CallsPerSecond:N0} calls/s, p99 {result.Percentile(0.99):0.00} ms, {result.Errors} errors");
                return result;
            }
            async Task<PgBenchResult> Ceiling(string script, string database, int concurrency)
            {
                Console.WriteLine($"pgbench {script}: {concurrency} clients, {settings.Seconds} s...");
                var result = await pgBench.RunAsync(Path.Combine(scripts, script), database, concurrency, settings.Seconds);
                Console.WriteLine($"  {result.TransactionsPerSecond:N0} tps{(result.Problem is null ? "" : $" ({result.Problem})")}");
                return result;
            }

            var plan = new (string Name, int Concurrency, Func<int, Task> Call, string Script, string Database)[]
            {
                ("GetUser", GetUserConcurrency, operations.GetUser, "get_user.sql", BenchDatabases.Users),
                ("PlaceOrder", OrderConcurrency, operations.PlaceOrder, "place_order.sql", BenchDatabases.Orders),
                ("PayOrder", OrderConcurrency, operations.PayOrder, "pay_order.sql", BenchDatabases.Orders),
                (OrderFlow, OrderConcurrency, operations.OrderFlow, "order_flow.sql", BenchDatabases.Orders),
                ("ListNotifications", ListConcurrency, operations.ListNotifications, "list_notifications.sql", BenchDatabases.Notifications),
            };
            var selected = plan.Where(p => settings.Runs(p.Name) || p.Name == OrderFlow && settings.Runs("OrderFlow")).ToList();

            // Fresh processes run unoptimised code for a while (tiered JIT, PGO instrumentation), longer on
            // a busy machine: everything is exercised together first, so no operation pays for that.
            Console.WriteLine($"Warming up every service for {settings.WarmUpAll.TotalSeconds:0} s...");
            var calls = selected.Select(p => p.Call).Append(operations.Echo).ToArray();
            await new ClosedLoopLoad(settings.WarmUpAll, TimeSpan.Zero).RunAsync(4 * calls.Length, worker => calls[worker % calls.Length](worker));

            // Echo first: GetUser is compared with it. Reported last, as the reference it is.
            var echoLoad = settings.Runs("echo") ? await Measure("echo", EchoConcurrency, operations.Echo) : null;
            var results = new List<OperationResult>();
            foreach (var (name, concurrency, call, script, database) in selected)
            {
                var service = await Measure(name, concurrency, call);
                results.Add(new OperationResult(name, service, await Ceiling(script, database, concurrency), name == "GetUser" ? echoLoad : null));
            }
            if (echoLoad is not null) results.Add(new OperationResult("echo", echoLoad));

            if (processes.FirstOrDefault(p => p.HasExited) is { } crashed)
            {
                throw new BenchFailed($"{crashed.Name} exited during the run; see {Path.Combine(logs, $"{crashed.Name}.log")}.");
            }
            var memory = processes.Select(p => (p.Name, p.PeakWorkingSet())).ToList();

            var report = new BenchReport(
                started,
                Machine.Describe(),
                $"`./build.sh --target=Bench` ({settings.Configuration}): {settings.WarmUpAll.TotalSeconds:0} s warm-up of all operations together, then per operation " +
                $"{settings.WarmUp.TotalSeconds:0} s warm-up and a {settings.Seconds} s measuring window; " +
                $"{settings.Channels} HTTP/2 connections per server.",
                results,
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
        .. results.Where(r => r is { PgBench.TransactionsPerSecond: > 0, Echo.CallsPerSecond: > 0 }).Select(r =>
        {
            // Each GetUser is at least an echo's gRPC work plus pgbench's database work, on the same cores.
            var ceiling = 1 / (1 / r.Echo!.CallsPerSecond + 1 / r.PgBench!.TransactionsPerSecond);
            return $"On one machine {r.Operation} cannot pass 1 / (1/echo + 1/pgbench) = {ceiling:N0} calls/s " +
                $"({ceiling / r.PgBench.TransactionsPerSecond * 100:0}% of pgbench) even with a service that costs nothing; it reached {r.Load.CallsPerSecond / ceiling * 100:0}% of that.";
        }),
        $"Load: a closed loop on Grpc.Net.Client — N workers each keep one call in flight, spread over {settings.Channels} channels (HTTP/2 connections) per server; " +
        "calls completing inside the window are counted; latency is per call (per whole flow for place → pay → fulfil).",
        $"pgbench: `pgbench -n -M prepared -c <concurrency> -j 2 -T {settings.Seconds}` with `tests/Shop.Benchmarks/PgBench/<operation>.sql`, " +
        "the statements the service runs for the operation, on the same database; vs pgbench = service calls/s ÷ pgbench transactions/s.",
        "PlaceOrder and place → pay → fulfil also ask the users service (GetUser) about the user of every order; that read is in another database, " +
        "so their pgbench scripts hold only the orders database's statements.",
        $"Echo: a bare Grpc.AspNetCore server (`tests/Shop.Benchmarks.Echo`) returning the {echoBytes}-byte payload it is sent, the size of a GetUser response; " +
        "vs echo = GetUser calls/s ÷ echo calls/s.",
        $"Seeded in SQL: {sizes.Users:N0} users, {sizes.Products:N0} products ({SeedSizes.Stock:N0} in stock each), pending orders for PayOrder, " +
        $"{sizes.NotificationsPerUser} notifications for each of {sizes.NotifiedUsers:N0} users (ListNotifications reads a first page of 20).",
        "The services run as separate processes (Production environment, their default logging) against the build's private PostgreSQL (fsync off); " +
        "the load generator, the services, PostgreSQL and pgbench share the same cores, so the ratios matter more than absolute figures. " +
        "Peak working set is each process's VmHWM over the whole run.",
    ];
}
