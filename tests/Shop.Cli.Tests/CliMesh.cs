using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Shop.Testing;
using NotificationsProgram = Shop.Notifications.Program;
using OrdersProgram = Shop.Orders.Program;
using UsersProgram = Shop.Users.Program;

namespace Shop.Cli.Tests;

/// <summary>
/// The three services as processes on free loopback ports, on their own databases of the real PostgreSQL,
/// as ./build.sh --target=Run starts them: what the client reaches over the network like any user's.
/// </summary>
public sealed class CliMesh : IAsyncDisposable
{
    /// <summary>The account the users service makes an admin (Auth:Admins); the tests register it first.</summary>
    public const string AdminEmail = "cli-admin@example.com";

    private readonly TestDatabase[] databases;
    private readonly List<ServiceProcess> processes = [];

    private CliMesh(TestDatabase[] databases, int[] ports)
    {
        this.databases = databases;
        Users = new Uri($"http://127.0.0.1:{ports[0]}");
        Orders = new Uri($"http://127.0.0.1:{ports[1]}");
        Notifications = new Uri($"http://127.0.0.1:{ports[2]}");
    }

    public Uri Users { get; }

    public Uri Orders { get; }

    public Uri Notifications { get; }

    public static async Task<CliMesh> StartAsync()
    {
        var databases = await Task.WhenAll(
            TestDatabase.CreateAsync("shop_users", typeof(UsersProgram).Assembly),
            TestDatabase.CreateAsync("shop_orders", typeof(OrdersProgram).Assembly),
            TestDatabase.CreateAsync("shop_notifications", typeof(NotificationsProgram).Assembly));
        var mesh = new CliMesh(databases, ServiceProcess.FreePorts(3));
        try
        {
            mesh.Start("Shop.Users", mesh.Users, new()
            {
                ["ConnectionStrings__Users"] = databases[0].ConnectionString,
                ["Services__Orders"] = mesh.Orders.AbsoluteUri,
                ["Auth__PasswordHashIterations"] = "1000",
                ["Auth__Admins__0"] = AdminEmail,
            });
            mesh.Start("Shop.Orders", mesh.Orders, new()
            {
                ["ConnectionStrings__Orders"] = databases[1].ConnectionString,
                ["Services__Users"] = mesh.Users.AbsoluteUri,
                ["Services__Notifications"] = mesh.Notifications.AbsoluteUri,
            });
            mesh.Start("Shop.Notifications", mesh.Notifications, new() { ["ConnectionStrings__Notifications"] = databases[2].ConnectionString });
            foreach (var process in mesh.processes) await WaitUntilServingAsync(process);
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
        foreach (var process in processes) process.Dispose();
        foreach (var database in databases) await database.DisposeAsync();
    }

    private void Start(string project, Uri address, Dictionary<string, string> settings)
    {
        settings["ASPNETCORE_ENVIRONMENT"] = "Development";
        settings["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        settings["Logging__LogLevel__Default"] = "Warning";
        var logs = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Folder, ".shop", "test-results", "cli-logs")).FullName;
        processes.Add(ServiceProcess.Start(project, ServiceProcess.BuiltDll("services", project), address.Port, settings,
            Path.Combine(logs, $"{project}-{Environment.ProcessId}.log")));
    }

    private static async Task WaitUntilServingAsync(ServiceProcess process)
    {
        await process.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
        using var channel = GrpcChannel.ForAddress(process.Address);
        var health = new Health.HealthClient(channel);
        var status = await Poll.UntilAsync(async () =>
        {
            try
            {
                return (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5))).Status;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                return HealthCheckResponse.Types.ServingStatus.Unknown;
            }
        }, s => s == HealthCheckResponse.Types.ServingStatus.Serving, TimeSpan.FromSeconds(60));
        if (status != HealthCheckResponse.Types.ServingStatus.Serving) throw new ServiceProcessException($"{process.Name} did not report SERVING; see {process.LogFile}.");
    }
}
