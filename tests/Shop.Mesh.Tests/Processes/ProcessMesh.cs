using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Shop.Testing;
using NotificationsProgram = Shop.Notifications.Program;
using OrdersProgram = Shop.Orders.Program;
using UsersProgram = Shop.Users.Program;

namespace Shop.Mesh.Tests.Processes;

/// <summary>
/// The three services as separate processes on free loopback ports against the real PostgreSQL,
/// wired by environment as ./build.sh --target=Run wires them; any of them can be killed and restarted.
/// </summary>
public sealed class ProcessMesh : IAsyncDisposable
{
    private readonly Dictionary<string, ServiceProcess> running = [];
    private readonly Dictionary<string, (int Port, Dictionary<string, string> Environment)> services;
    private readonly TestDatabase[] databases;
    private readonly string logs;
    private readonly GrpcChannel[] channels;

    private ProcessMesh(TestDatabase[] databases, string logs)
    {
        this.databases = databases;
        this.logs = logs;
        var ports = ServiceProcess.FreePorts(3);
        int users = ports[0], orders = ports[1], notifications = ports[2];
        services = new()
        {
            ["users"] = (users, Environment(new()
            {
                ["ConnectionStrings__Users"] = databases[0].ConnectionString,
                ["Services__Orders"] = $"http://127.0.0.1:{orders}",
                ["Auth__SigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
                ["Auth__PasswordHashIterations"] = "1000",
                ["OrderHistory__BreakDuration"] = "00:00:01",
            })),
            ["orders"] = (orders, Environment(new()
            {
                ["ConnectionStrings__Orders"] = databases[1].ConnectionString,
                ["Services__Users"] = $"http://127.0.0.1:{users}",
                ["Services__Notifications"] = $"http://127.0.0.1:{notifications}",
                ["Outbox__MaxBackoff"] = "00:00:01",
            })),
            ["notifications"] = (notifications, Environment(new()
            {
                ["ConnectionStrings__Notifications"] = databases[2].ConnectionString,
            })),
        };
        channels = [.. new[] { users, orders, notifications }.Select(port => GrpcChannel.ForAddress($"http://127.0.0.1:{port}"))];
        Calls = new MeshCalls(channels[0], channels[1], channels[2]);
    }

    public MeshCalls Calls { get; }

    public TestDatabase OrdersDatabase => databases[1];

    public string LogFile(string name) => running[name].LogFile;

    public Uri Address(string name) => new($"http://127.0.0.1:{services[name].Port}");

    public static async Task<ProcessMesh> StartAsync()
    {
        var databases = await Task.WhenAll(
            TestDatabase.CreateAsync("shop_users", typeof(UsersProgram).Assembly),
            TestDatabase.CreateAsync("shop_orders", typeof(OrdersProgram).Assembly),
            TestDatabase.CreateAsync("shop_notifications", typeof(NotificationsProgram).Assembly));
        var logs = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Folder, ".shop", "test-results", "mesh-logs")).FullName;
        var mesh = new ProcessMesh(databases, logs);
        foreach (var name in mesh.services.Keys) mesh.Start(name);
        foreach (var name in mesh.services.Keys) await mesh.WaitUntilServingAsync(name);
        return mesh;
    }

    /// <summary>Kills the service's process, as a crash would.</summary>
    public void Kill(string name)
    {
        running.Remove(name, out var process);
        process?.Dispose();
    }

    /// <summary>Starts the service again on its port and waits until it reports SERVING.</summary>
    public async Task RestartAsync(string name)
    {
        Start(name);
        await WaitUntilServingAsync(name);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in running.Keys.ToList()) Kill(name);
        foreach (var channel in channels) channel.Dispose();
        foreach (var database in databases) await database.DisposeAsync();
    }

    private void Start(string name)
    {
        var (port, environment) = services[name];
        var project = "Shop." + char.ToUpperInvariant(name[0]) + name[1..];
        running[name] = ServiceProcess.Start(name, ServiceProcess.BuiltDll("services", project), port, environment,
            Path.Combine(logs, $"{name}-{System.Environment.ProcessId}.log"),
            // Each request's start, with its trace id: the trace test reads notifications' log.
            "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information");
    }

    private async Task WaitUntilServingAsync(string name)
    {
        var process = running[name];
        await process.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
        using var channel = GrpcChannel.ForAddress(process.Address);
        var health = new Health.HealthClient(channel);
        var bound = TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + bound;
        var status = await Poll.UntilAsync(() => StatusAsync(health, deadline), s => s == HealthCheckResponse.Types.ServingStatus.Serving, bound);
        if (status != HealthCheckResponse.Types.ServingStatus.Serving) throw new ServiceProcessException($"{name} did not report SERVING; see {process.LogFile}.");
    }

    // Listening is not yet answering: a check may be refused or go unanswered while the service starts,
    // and each is bounded so that one lost call cannot outlast the wait for SERVING.
    private static async Task<HealthCheckResponse.Types.ServingStatus?> StatusAsync(Health.HealthClient health, DateTime waitUntil)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        try
        {
            return (await health.CheckAsync(new HealthCheckRequest(), deadline: deadline < waitUntil ? deadline : waitUntil)).Status;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            return null;
        }
    }

    private static Dictionary<string, string> Environment(Dictionary<string, string> settings)
    {
        settings["ASPNETCORE_ENVIRONMENT"] = "Development";
        settings["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        settings["Logging__LogLevel__Default"] = "Warning";
        return settings;
    }
}
