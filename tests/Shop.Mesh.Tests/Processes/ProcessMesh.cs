using System.Reflection;
using Grpc.Net.Client;
using Shop.Build;
using Shop.Build.Mesh;
using Shop.Testing;
using Shop.Testing.Auth;
using NotificationsProgram = Shop.Notifications.Program;
using OrdersProgram = Shop.Orders.Program;
using UsersProgram = Shop.Users.Program;

namespace Shop.Mesh.Tests.Processes;

/// <summary>
/// The three services as separate processes on free loopback ports against the real PostgreSQL, started
/// by <see cref="MeshProcesses"/> from the topology as ./build.sh --target=Run starts them; any of them
/// can be killed and restarted.
/// </summary>
public sealed class ProcessMesh : IAsyncDisposable
{
    private static readonly Dictionary<MeshService, Assembly> Migrations = new()
    {
        [MeshTopology.Users] = typeof(UsersProgram).Assembly,
        [MeshTopology.Orders] = typeof(OrdersProgram).Assembly,
        [MeshTopology.Notifications] = typeof(NotificationsProgram).Assembly,
    };

    // What these tests need beyond the wiring and the keys: fast hashing, short breaks and backoffs.
    private static readonly Dictionary<MeshService, IReadOnlyDictionary<string, string?>> Settings = new()
    {
        [MeshTopology.Users] = new Dictionary<string, string?>
        {
            ["Auth:PasswordHashIterations"] = "1000",
            ["OrderHistory:BreakDuration"] = "00:00:01",
        },
        [MeshTopology.Orders] = new Dictionary<string, string?> { ["Outbox:MaxBackoff"] = "00:00:01" },
        [MeshTopology.Notifications] = new Dictionary<string, string?>(),
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

    public string LogFile(string name) => processes.Process(MeshTopology.Service(name)).LogFile!;

    public Uri Address(string name) => processes.Address(MeshTopology.Service(name));

    public static async Task<ProcessMesh> StartAsync()
    {
        var created = await Task.WhenAll(MeshTopology.Services.Select(s => TestDatabase.CreateAsync(s.Database, Migrations[s])));
        var databases = MeshTopology.Services.Zip(created).ToDictionary(p => p.First, p => p.Second);
        var ports = MeshTopology.Services.Zip(LoopbackPorts.Free(MeshTopology.Services.Count)).ToDictionary(p => p.First, p => p.Second);
        var processes = MeshProcesses.Start(new MeshOptions
        {
            Root = RepositoryRoot.Folder,
            Configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name,
            Port = service => ports[service],
            ConnectionString = service => databases[service].ConnectionString,
            Environment = new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["Logging__LogLevel__Default"] = "Warning",
            },
            // The run's test keys (Shop.Testing.Auth.TestKeys) on top, so tests can act as any user or service.
            Settings = service => TestKeys.Settings(service.Name).Concat(Settings[service]).ToDictionary(),
            LogDirectory = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Folder, ".shop", "test-results", "mesh-logs")).FullName,
            LogSuffix = $"-{Environment.ProcessId}",
            // Each request's start, with its trace id: the trace test reads notifications' log.
            Arguments = ["--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information"],
        });
        var mesh = new ProcessMesh(processes, databases);
        try
        {
            foreach (var service in MeshTopology.Services) await mesh.WaitUntilServingAsync(service);
            return mesh;
        }
        catch
        {
            await mesh.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the service's process, as a crash would.</summary>
    public void Kill(string name) => processes.Kill(MeshTopology.Service(name));

    /// <summary>Starts the service again on its port and waits until it reports SERVING.</summary>
    public async Task RestartAsync(string name)
    {
        var service = MeshTopology.Service(name);
        processes.Start(service);
        await WaitUntilServingAsync(service);
    }

    public async ValueTask DisposeAsync()
    {
        processes.Dispose();
        foreach (var channel in channels.Values) channel.Dispose();
        foreach (var database in databases.Values) await database.DisposeAsync();
    }

    private Task WaitUntilServingAsync(MeshService service) => ProcessHealth.WaitUntilServingAsync(processes.Process(service));
}
