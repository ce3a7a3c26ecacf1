using System.Reflection;
using Grpc.Net.Client;
using Shop.Build;
using Shop.Build.Mesh;
using Shop.Testing.Auth;
using NotificationsProgram = Shop.Notifications.Program;
using OrdersProgram = Shop.Orders.Program;
using UsersProgram = Shop.Users.Program;

namespace Shop.Testing.Meshes;

/// <summary>
/// The services of the topology as separate processes on free loopback ports, on databases of their own on
/// the real PostgreSQL, started by <see cref="MeshProcesses"/> as ./build.sh --target=Run starts them, with
/// the run's test keys (<see cref="TestKeys"/>) so tests can act as any user or service. Any of them can be
/// killed and restarted.
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

    public string LogFile(string name) => processes.Process(MeshTopology.Service(name)).LogFile!;

    public Uri Address(string name) => processes.Address(MeshTopology.Service(name));

    /// <param name="logFolder">Where the services' logs go, under .shop/test-results (one file per service and test process).</param>
    /// <param name="moreSettings">A service's settings beyond the wiring, the test keys and fast password hashing.</param>
    /// <param name="arguments">Command-line arguments every service gets.</param>
    public static async Task<ProcessMesh> StartAsync(
        string logFolder, Func<MeshService, IReadOnlyDictionary<string, string?>>? moreSettings = null, IReadOnlyList<string>? arguments = null)
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
            Settings = service => Settings(service, moreSettings),
            LogDirectory = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Folder, ".shop", "test-results", logFolder)).FullName,
            LogSuffix = $"-{Environment.ProcessId}",
            Arguments = arguments ?? [],
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

    private static Dictionary<string, string?> Settings(MeshService service, Func<MeshService, IReadOnlyDictionary<string, string?>>? moreSettings)
    {
        var settings = TestKeys.Settings(service.Name);
        if (service == MeshTopology.Users) settings["Auth:PasswordHashIterations"] = "1000";
        foreach (var (key, value) in moreSettings?.Invoke(service) ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
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
