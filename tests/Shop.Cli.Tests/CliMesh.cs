using System.Reflection;
using Shop.Build;
using Shop.Build.Mesh;
using Shop.Testing;
using NotificationsProgram = Shop.Notifications.Program;
using OrdersProgram = Shop.Orders.Program;
using UsersProgram = Shop.Users.Program;

namespace Shop.Cli.Tests;

/// <summary>
/// The services of the topology as processes on free loopback ports, on their own databases of the real
/// PostgreSQL, as ./build.sh --target=Run starts them: what the client reaches over the network like anyone's.
/// </summary>
public sealed class CliMesh : IAsyncDisposable
{
    /// <summary>The account the users service makes an admin (Auth:Admins); the tests register it first.</summary>
    public const string AdminEmail = "cli-admin@example.com";

    private static readonly Dictionary<MeshService, Assembly> Migrations = new()
    {
        [MeshTopology.Users] = typeof(UsersProgram).Assembly,
        [MeshTopology.Orders] = typeof(OrdersProgram).Assembly,
        [MeshTopology.Notifications] = typeof(NotificationsProgram).Assembly,
    };

    private static readonly Dictionary<string, string?> UsersSettings = new()
    {
        ["Auth:PasswordHashIterations"] = "1000",
        ["Auth:Admins:0"] = AdminEmail,
        // The demo's own admin (DemoCommand.AdminEmail), as Run and Demo list it.
        ["Auth:Admins:1"] = "admin@shop.local",
    };

    private readonly MeshProcesses processes;
    private readonly IReadOnlyCollection<TestDatabase> databases;

    private CliMesh(MeshProcesses processes, IReadOnlyCollection<TestDatabase> databases)
    {
        this.processes = processes;
        this.databases = databases;
    }

    public Uri Users => processes.Address(MeshTopology.Users);

    public Uri Orders => processes.Address(MeshTopology.Orders);

    public Uri Notifications => processes.Address(MeshTopology.Notifications);

    public static async Task<CliMesh> StartAsync()
    {
        var created = await Task.WhenAll(MeshTopology.Services.Select(s => TestDatabase.CreateAsync(s.Database, Migrations[s])));
        var databases = MeshTopology.Services.Zip(created).ToDictionary(p => p.First, p => p.Second);
        var ports = MeshTopology.Services.Zip(LoopbackPorts.Free(MeshTopology.Services.Count)).ToDictionary(p => p.First, p => p.Second);
        var mesh = new CliMesh(MeshProcesses.Start(new MeshOptions
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
            Settings = service => service == MeshTopology.Users ? UsersSettings : new Dictionary<string, string?>(),
            LogDirectory = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Folder, ".shop", "test-results", "cli-logs")).FullName,
            LogSuffix = $"-{Environment.ProcessId}",
        }), created);
        try
        {
            foreach (var service in MeshTopology.Services) await ProcessHealth.WaitUntilServingAsync(mesh.processes.Process(service));
            return mesh;
        }
        catch
        {
            await mesh.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        processes.Dispose();
        foreach (var database in databases) await database.DisposeAsync();
    }
}
