using Shop.Build.Mesh;
using Shop.Orders.V1;
using Shop.Testing;
using Shop.Testing.Auth;
using Shop.Users.V1;
using NotificationsProgram = Shop.Notifications.Program;
using OrdersProgram = Shop.Orders.Program;
using UsersProgram = Shop.Users.Program;
using WebProgram = Shop.Web.Program;

namespace Shop.Web.EndToEnd.Tests;

/// <summary>
/// Users, orders and notifications in this process on databases of their own, and the web app on a real
/// loopback port for the browser, every client of each wired through one <see cref="MeshRouter"/> (so a
/// service can be taken down for the web app and the services alike). Shared by every test of the assembly.
/// </summary>
public sealed class WebMesh : IAsyncDisposable
{
    /// <summary>Registered before the run; the users service makes its tokens carry the role admin.</summary>
    public const string AdminEmail = "admin@shop.test";

    public const string AdminPassword = "admin password";

    private readonly TestDatabase[] databases;
    private readonly IAsyncDisposable[] hosts;
    private readonly ServerLog[] logs;

    private WebMesh(MeshRouter router, TestDatabase[] databases, IAsyncDisposable[] hosts, ServerLog[] logs,
        GrpcServiceHost<UsersProgram> users, GrpcServiceHost<OrdersProgram> orders, Uri webAddress)
    {
        Router = router;
        this.databases = databases;
        this.hosts = hosts;
        this.logs = logs;
        Auth = new AuthService.AuthServiceClient(users.Channel);
        // The catalogue is set up as an admin (TestTokens: the run's test keys, which every host holds).
        Products = new ProductService.ProductServiceClient(orders.Channel.As(TestTokens.Admin()));
        WebAddress = webAddress;
    }

    public MeshRouter Router { get; }

    public AuthService.AuthServiceClient Auth { get; }

    public ProductService.ProductServiceClient Products { get; }

    /// <summary>Where the browser finds the web app: localhost, which browsers treat as secure, so the session cookie is set.</summary>
    public Uri WebAddress { get; }

    public static async Task<WebMesh> StartAsync()
    {
        var databases = await Task.WhenAll(
            TestDatabase.CreateAsync(MeshTopology.Users.Database, typeof(UsersProgram).Assembly),
            TestDatabase.CreateAsync(MeshTopology.Orders.Database, typeof(OrdersProgram).Assembly),
            TestDatabase.CreateAsync(MeshTopology.Notifications.Database, typeof(NotificationsProgram).Assembly));
        var router = new MeshRouter();

        // Wired as the topology says, each neighbour at its router address (http://orders.mesh and so on).
        static Dictionary<string, string?> Settings(MeshService service, TestDatabase database, Dictionary<string, string?> more) =>
            MeshTopology.Settings(service, database.ConnectionString, callee => MeshRouter.Address(callee.Name), more);
        var users = new GrpcServiceHost<UsersProgram>(Settings(MeshTopology.Users, databases[0], new()
        {
            ["Auth:PasswordHashIterations"] = "1000",
            ["Auth:Admins:0"] = AdminEmail,
            ["OrderHistory:BreakDuration"] = "00:00:01",
        }), router.Carry);
        var orders = new GrpcServiceHost<OrdersProgram>(Settings(MeshTopology.Orders, databases[1], new()
        {
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:MaxBackoff"] = "00:00:00.500",
        }), router.Carry);
        var notifications = new GrpcServiceHost<NotificationsProgram>(Settings(MeshTopology.Notifications, databases[2], new()));
        router.Connect(MeshTopology.Users.Name, users.Server.CreateHandler());
        router.Connect(MeshTopology.Orders.Name, orders.Server.CreateHandler());
        router.Connect(MeshTopology.Notifications.Name, notifications.Server.CreateHandler());

        var port = LoopbackPorts.Free();
        var web = new GrpcServiceHost<WebProgram>(new Dictionary<string, string?>
        {
            ["Services:Users"] = MeshRouter.Address(MeshTopology.Users.Name).ToString(),
            ["Services:Orders"] = MeshRouter.Address(MeshTopology.Orders.Name).ToString(),
            ["Services:Notifications"] = MeshRouter.Address(MeshTopology.Notifications.Name).ToString(),
            ["Web:RetryInterval"] = "00:00:00.500",
            ["Web:RefreshInterval"] = "00:00:01",
        }, router.Carry);
        web.UseKestrel(port);
        web.StartServer();

        var mesh = new WebMesh(router, databases, [web, orders, users, notifications], [web.Log, orders.Log, users.Log, notifications.Log],
            users, orders, new Uri($"http://localhost:{port}/"));
        await mesh.Auth.RegisterAsync(new RegisterRequest { Email = AdminEmail, Name = "Admin", Password = AdminPassword });
        return mesh;
    }

    /// <summary>How many errors each host has logged so far, to tell what one test caused (see <see cref="ServerErrorsSince"/>).</summary>
    public int[] ServerErrorCounts() => [.. logs.Select(l => l.UnexpectedErrors().Count)];

    /// <summary>The errors the hosts logged after <paramref name="counts"/> were taken.</summary>
    public IReadOnlyList<ServerLogEntry> ServerErrorsSince(int[] counts) =>
        [.. logs.SelectMany((log, i) => log.UnexpectedErrors().Skip(counts[i]))];

    /// <summary>A new customer account with a unique email; returns the email.</summary>
    public async Task<string> RegisterAsync(string name, string password)
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@shop.test";
        await Auth.RegisterAsync(new RegisterRequest { Email = email, Name = name, Password = password });
        return email;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts) await host.DisposeAsync();
        foreach (var database in databases) await database.DisposeAsync();
    }
}
