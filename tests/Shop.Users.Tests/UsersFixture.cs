using Shop.Build.Mesh;
using Shop.Orders.V1;
using Shop.Testing;
using Shop.Testing.Auth;
using OrderHistory = Shop.Users.Orders.OrderHistory;
using OrdersProgram = Shop.Orders.Program;
using UsersProgram = Shop.Users.Program;

namespace Shop.Users.Tests;

/// <summary>
/// The users service in-process on a database of its own, calling over gRPC a real orders service hosted
/// in the same process (which calls back for users), or, for failure tests, an address that does not answer.
/// </summary>
public sealed class UsersFixture : IAsyncDisposable
{
    /// <summary>The name of users' orders client, for <see cref="InProcessGrpcClients.RouteGrpcClient"/>.</summary>
    private const string OrdersClient = OrderHistory.ClientName;

    /// <summary>The name orders gives its users client (AddGrpcClient without a name: the client type's).</summary>
    private const string UsersClient = "UserServiceClient";

    private readonly IAsyncDisposable? ordersStandIn;

    private UsersFixture(TestDatabase database, GrpcServiceHost<UsersProgram> host, TestDatabase? ordersDatabase,
        GrpcServiceHost<OrdersProgram>? ordersHost, IAsyncDisposable? ordersStandIn)
    {
        Database = database;
        Host = host;
        OrdersDatabase = ordersDatabase;
        OrdersHost = ordersHost;
        this.ordersStandIn = ordersStandIn;
    }

    public TestDatabase Database { get; }

    public GrpcServiceHost<UsersProgram> Host { get; }

    public TestDatabase? OrdersDatabase { get; }

    /// <summary>The orders service users calls, when it is hosted in-process.</summary>
    public GrpcServiceHost<OrdersProgram>? OrdersHost { get; }

    /// <summary>Users wired to an in-process orders service.</summary>
    public static Task<UsersFixture> CreateAsync() => WithOrdersAsync(new Dictionary<string, string?>());

    /// <summary>Users wired to an in-process orders service.</summary>
    /// <param name="settings">Users settings on top of the usual ones, e.g. <c>OrderHistory:BreakDuration</c>.</param>
    /// <param name="link">Wraps the orders server's handler as users' orders client sees it, e.g. to stage an outage.</param>
    public static async Task<UsersFixture> WithOrdersAsync(IReadOnlyDictionary<string, string?> settings, Func<HttpMessageHandler, HttpMessageHandler>? link = null)
    {
        var database = await TestDatabase.CreateAsync(MeshTopology.Users.Database, typeof(UsersProgram).Assembly);
        var ordersDatabase = await TestDatabase.CreateAsync(MeshTopology.Orders.Database, typeof(OrdersProgram).Assembly);
        GrpcServiceHost<OrdersProgram>? ordersHost = null;

        // Each client keeps its production setup (client factory, deadline, retries, breaker); only the
        // bottom of its handler pipeline is the other host's test server. The handlers are built on the
        // first call, by when both hosts exist.
        var usersHost = new GrpcServiceHost<UsersProgram>(Settings(database, TestAddress(MeshTopology.Orders), settings), services =>
            services.RouteGrpcClient(OrdersClient, () =>
            {
                var server = ordersHost!.Server.CreateHandler();
                return link is null ? server : link(server);
            }));
        ordersHost = new GrpcServiceHost<OrdersProgram>(MeshTopology.Settings(MeshTopology.Orders, ordersDatabase.ConnectionString, TestAddress,
            new Dictionary<string, string?>
            {
                // Order events are not delivered here: these tests need no notifications service.
                ["Outbox:Enabled"] = "false",
            }), services => services.RouteGrpcClient(UsersClient, () => usersHost.Server.CreateHandler()));
        _ = usersHost.Server;
        _ = ordersHost.Server;
        // The first authenticated call of a host compiles the token checks: made here, it does not eat into
        // the 2 s that users gives orders in the first test.
        await new OrderService.OrderServiceClient(ordersHost.Channel.With(TestTokens.Admin(), TestTokens.Service("users", "orders")))
            .ListOrdersAsync(new ListOrdersRequest { UserId = Guid.NewGuid().ToString() });
        return new UsersFixture(database, usersHost, ordersDatabase, ordersHost, null);
    }

    /// <summary>Users whose orders service is at <paramref name="ordersAddress"/>, over real sockets.</summary>
    /// <param name="standIn">Whatever serves that address, disposed with the fixture.</param>
    public static async Task<UsersFixture> WithOrdersAtAsync(Uri ordersAddress, IReadOnlyDictionary<string, string?> settings, IAsyncDisposable? standIn = null)
    {
        var database = await TestDatabase.CreateAsync(MeshTopology.Users.Database, typeof(UsersProgram).Assembly);
        var host = new GrpcServiceHost<UsersProgram>(Settings(database, ordersAddress, settings));
        _ = host.Server;
        return new UsersFixture(database, host, null, null, standIn);
    }

    /// <summary>
    /// Users alone on a free loopback port over real sockets (both 127.0.0.1 and ::1), for what a caller's
    /// address changes; <see cref="Port"/> says where. Calls that need orders are not for this fixture.
    /// </summary>
    public static async Task<UsersFixture> OnLoopbackAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var database = await TestDatabase.CreateAsync(MeshTopology.Users.Database, typeof(UsersProgram).Assembly);
        var host = new GrpcServiceHost<UsersProgram>(Settings(database, TestAddress(MeshTopology.Orders), settings));
        var port = LoopbackPorts.Free();
        host.UseKestrel(kestrel => kestrel.ListenLocalhost(port));
        host.StartServer();
        return new UsersFixture(database, host, null, null, null) { Port = port };
    }

    /// <summary>Where users listens on loopback, for a fixture made by <see cref="OnLoopbackAsync"/>.</summary>
    public int? Port { get; private init; }

    public async Task ResetAsync()
    {
        await Database.ResetAsync();
        if (OrdersDatabase is not null) await OrdersDatabase.ResetAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
        if (OrdersHost is not null) await OrdersHost.DisposeAsync();
        if (OrdersDatabase is not null) await OrdersDatabase.DisposeAsync();
        if (ordersStandIn is not null) await ordersStandIn.DisposeAsync();
    }

    /// <summary>A neighbour's address in these tests (http://orders.test): the in-process routes ignore it.</summary>
    private static Uri TestAddress(MeshService service) => new($"http://{service.Name}.test");

    private static Dictionary<string, string?> Settings(TestDatabase database, Uri ordersAddress, IReadOnlyDictionary<string, string?> extra)
    {
        var settings = MeshTopology.Settings(MeshTopology.Users, database.ConnectionString, _ => ordersAddress, new Dictionary<string, string?>
        {
            // Hashing stays real PBKDF2, with fewer rounds so tests stay fast.
            ["Auth:PasswordHashIterations"] = "1000",
            // A class's tests share one host, and so its login limits: LoginThrottleTests tests them.
            ["Auth:LoginAttemptsPerAccount"] = "1000",
            ["Auth:LoginAttemptsPerAddress"] = "1000",
        });
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }
}
