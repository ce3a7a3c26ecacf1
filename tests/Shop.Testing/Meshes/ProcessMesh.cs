using System.Reflection;
using Dapper;
using Grpc.Net.Client;
using Npgsql;
using Shop.Build;
using Shop.Build.Mesh;
using Shop.Testing.Auth;
using NotificationsProgram = Shop.Notifications.Program;
using OrdersProgram = Shop.Orders.Program;
using UsersProgram = Shop.Users.Program;

namespace Shop.Testing.Meshes;

/// <summary>
/// The services of the topology as separate processes on free loopback ports, on databases of their own on
/// the real PostgreSQL, started by <see cref="MeshProcesses"/> as ./build.sh --target=Run starts them (with
/// <c>--replicas</c>, several replicas of orders and notifications on their one database each), with the run's
/// test keys (<see cref="TestKeys"/>) so tests can act as any user or service. Any replica can be killed and
/// restarted; the test's own channels go to each service's first replica.
/// </summary>
public sealed class ProcessMesh : IAsyncDisposable
{
    private static readonly Dictionary<MeshService, Assembly> Migrations = new()
    {
        [MeshTopology.Users] = typeof(UsersProgram).Assembly,
        [MeshTopology.Orders] = typeof(OrdersProgram).Assembly,
        [MeshTopology.Notifications] = typeof(NotificationsProgram).Assembly,
    };

    private readonly MeshProcesses processes;
    private readonly Dictionary<MeshService, TestDatabase> databases;
    private readonly Dictionary<MeshService, GrpcChannel> channels;

    private ProcessMesh(MeshProcesses processes, Dictionary<MeshService, TestDatabase> databases)
    {
        this.processes = processes;
        this.databases = databases;
        channels = MeshTopology.Services.ToDictionary(s => s, s => GrpcChannel.ForAddress(processes.Address(s)));
        Calls = new MeshCalls(channels[MeshTopology.Users], channels[MeshTopology.Orders], channels[MeshTopology.Notifications]);
    }

    public MeshCalls Calls { get; }

    public TestDatabase OrdersDatabase => databases[MeshTopology.Orders];

    public string LogFile(string name, int replica = 1) => processes.Process(MeshTopology.Service(name), replica).LogFile!;

    public Uri Address(string name) => processes.Address(MeshTopology.Service(name));

    /// <param name="logFolder">Where the services' logs go, under .shop/test-results (one file per service and test process).</param>
    /// <param name="moreSettings">A service's settings beyond the wiring, the test keys and fast password hashing.</param>
    /// <param name="arguments">Command-line arguments every service gets.</param>
    /// <param name="replicas">Of orders and of notifications (the services that scale out).</param>
    public static async Task<ProcessMesh> StartAsync(
        string logFolder, Func<MeshService, IReadOnlyDictionary<string, string?>>? moreSettings = null, IReadOnlyList<string>? arguments = null,
        int replicas = 1)
    {
        var created = await Task.WhenAll(MeshTopology.Services.Select(s => TestDatabase.CreateAsync(s.Database, Migrations[s])));
        var databases = MeshTopology.Services.Zip(created).ToDictionary(p => p.First, p => p.Second);
        var all = MeshTopology.Services.SelectMany(s => Enumerable.Range(1, s.ScalesOut ? replicas : 1).Select(r => (Service: s, Replica: r))).ToList();
        var ports = all.Zip(LoopbackPorts.Free(all.Count)).ToDictionary(p => p.First, p => p.Second);
        var processes = MeshProcesses.Start(new MeshOptions
        {
            Root = RepositoryRoot.Folder,
            Configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name,
            Port = service => ports[(service, 1)],
            Replicas = replicas,
            ReplicaPort = (service, replica) => ports[(service, replica)],
            ConnectionString = service => databases[service].ConnectionString,
            Environment = new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["Logging__LogLevel__Default"] = "Warning",
            },
            Settings = service => Settings(service, moreSettings),
            LogDirectory = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Folder, ".shop", "test-results", logFolder)).FullName,
            LogSuffix = $"-{Environment.ProcessId}",
            Arguments = arguments ?? [],
        });
        var mesh = new ProcessMesh(processes, databases);
        try
        {
            await Task.WhenAll(processes.Running.Select(ProcessHealth.WaitUntilServingAsync));
            return mesh;
        }
        catch
        {
            await mesh.DisposeAsync();
            throw;
        }
    }

    private static Dictionary<string, string?> Settings(MeshService service, Func<MeshService, IReadOnlyDictionary<string, string?>>? moreSettings)
    {
        var settings = TestKeys.Settings(service.Name);
        if (service == MeshTopology.Users) settings["Auth:PasswordHashIterations"] = "1000";
        foreach (var (key, value) in moreSettings?.Invoke(service) ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    /// <summary>The user's events that orders has not marked delivered (the user's own: an earlier test's may still be on their way).</summary>
    public async Task<long> UndeliveredAsync(string userId)
    {
        await using var connection = new NpgsqlConnection(OrdersDatabase.ConnectionString);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM order_events WHERE delivered_at IS NULL AND user_id = @userId", new { userId = Guid.Parse(userId) });
    }

    /// <summary>Fails unless orders marks every event of the user delivered within a few seconds.</summary>
    /// <remarks>Notifications stores an event before orders commits that it was delivered: polled, not read once.</remarks>
    public async Task AssertAllDeliveredAsync(string userId)
    {
        var undelivered = await Poll.UntilAsync(() => UndeliveredAsync(userId), count => count == 0, TimeSpan.FromSeconds(10));
        Assert.AreEqual(0L, undelivered, "events the outbox has not marked delivered");
    }

    /// <summary>How many calls of <paramref name="rpc"/> (<c>/package.Service/Method</c>) a replica has served, from its request log.</summary>
    public int Served(string name, int replica, string rpc)
    {
        using var reader = new StreamReader(new FileStream(LogFile(name, replica), FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        const string starting = "Request starting HTTP/2 POST ";
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains(starting, StringComparison.Ordinal) && line.Contains(rpc + " ", StringComparison.Ordinal)) count++;
        }
        return count;
    }

    /// <summary>Kills the service's process (or one replica's), as a crash would.</summary>
    public void Kill(string name, int replica = 1) => processes.Kill(MeshTopology.Service(name), replica);

    /// <summary>Starts the service (or replica) again on its port and waits until it reports SERVING.</summary>
    public Task RestartAsync(string name, int replica = 1) => ProcessHealth.WaitUntilServingAsync(processes.Start(MeshTopology.Service(name), replica));

    public async ValueTask DisposeAsync()
    {
        processes.Dispose();
        foreach (var channel in channels.Values) channel.Dispose();
        foreach (var database in databases.Values) await database.DisposeAsync();
    }
}
