using Microsoft.Extensions.DependencyInjection;
using Shop.Build.Mesh;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Testing.Auth;
using Shop.Users.V1;
using NotificationsProgram = Shop.Notifications.Program;
using OrdersProgram = Shop.Orders.Program;
using UsersProgram = Shop.Users.Program;

namespace Shop.Testing.Meshes;

/// <summary>
/// Users, orders and notifications hosted in the test process, each on a database of its own, with
/// every outgoing client wired through the <see cref="MeshRouter"/> to the other hosts.
/// </summary>
public sealed class InProcessMesh : IAsyncDisposable
{
    private readonly TestDatabase[] databases;

    private InProcessMesh(MeshRouter router, TestDatabase[] databases, GrpcServiceHost<UsersProgram> users,
        GrpcServiceHost<OrdersProgram> orders, GrpcServiceHost<NotificationsProgram> notifications)
    {
        Router = router;
        this.databases = databases;
        Users = users;
        Orders = orders;
        Notifications = notifications;
        Calls = new MeshCalls(users.Channel, orders.Channel, notifications.Channel);
    }

    public MeshRouter Router { get; }

    public GrpcServiceHost<UsersProgram> Users { get; }

    public GrpcServiceHost<OrdersProgram> Orders { get; }

    public GrpcServiceHost<NotificationsProgram> Notifications { get; }

    public MeshCalls Calls { get; }

    public TestDatabase UsersDatabase => databases[0];

    public TestDatabase OrdersDatabase => databases[1];

    public TestDatabase NotificationsDatabase => databases[2];

    /// <summary>The settings every in-process mesh gives its services: fast hashing, short breaks and outbox rounds.</summary>
    private static Dictionary<string, string?> Defaults(MeshService service) =>
        service == MeshTopology.Users ? new()
        {
            ["Auth:PasswordHashIterations"] = "1000",
            ["OrderHistory:BreakDuration"] = "00:00:01",
        }
        : service == MeshTopology.Orders ? new()
        {
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:MaxBackoff"] = "00:00:00.500",
        }
        : [];

    /// <param name="moreSettings">A service's settings beyond the wiring and <see cref="Defaults"/>, which they override.</param>
    /// <param name="moreServices">Changes to a service's DI registrations (e.g. an interceptor a test controls).</param>
    public static async Task<InProcessMesh> StartAsync(
        Func<MeshService, IReadOnlyDictionary<string, string?>>? moreSettings = null, Action<MeshService, IServiceCollection>? moreServices = null)
    {
        var databases = await Task.WhenAll(
            TestDatabase.CreateAsync(MeshTopology.Users.Database, typeof(UsersProgram).Assembly),
            TestDatabase.CreateAsync(MeshTopology.Orders.Database, typeof(OrdersProgram).Assembly),
            TestDatabase.CreateAsync(MeshTopology.Notifications.Database, typeof(NotificationsProgram).Assembly));
        var router = new MeshRouter();

        // Wired as the topology says, each neighbour at its router address (http://orders.mesh and so on).
        Dictionary<string, string?> Settings(MeshService service, TestDatabase database)
        {
            var settings = Defaults(service);
            foreach (var (key, value) in moreSettings?.Invoke(service) ?? new Dictionary<string, string?>()) settings[key] = value;
            return MeshTopology.Settings(service, database.ConnectionString, callee => MeshRouter.Address(callee.Name), settings);
        }
        Action<IServiceCollection> Services(MeshService service) => services =>
        {
            router.Carry(services);
            moreServices?.Invoke(service, services);
        };
        var users = new GrpcServiceHost<UsersProgram>(Settings(MeshTopology.Users, databases[0]), Services(MeshTopology.Users));
        var orders = new GrpcServiceHost<OrdersProgram>(Settings(MeshTopology.Orders, databases[1]), Services(MeshTopology.Orders));
        var notifications = new GrpcServiceHost<NotificationsProgram>(Settings(MeshTopology.Notifications, databases[2]), Services(MeshTopology.Notifications));
        router.Connect(MeshTopology.Users.Name, users.Server.CreateHandler());
        router.Connect(MeshTopology.Orders.Name, orders.Server.CreateHandler());
        router.Connect(MeshTopology.Notifications.Name, notifications.Server.CreateHandler());
        await WarmUpAsync(users, orders, notifications);
        return new InProcessMesh(router, databases, users, orders, notifications);
    }

    /// <summary>
    /// The first authenticated call of a host compiles the token checks: made here, it does not eat into the
    /// deadlines (2 s) the services give each other in a class's first test.
    /// </summary>
    private static async Task WarmUpAsync(GrpcServiceHost<UsersProgram> users, GrpcServiceHost<OrdersProgram> orders, GrpcServiceHost<NotificationsProgram> notifications)
    {
        var someone = Guid.NewGuid().ToString();
        await new OrderService.OrderServiceClient(orders.Channel.With(TestTokens.Admin(), TestTokens.Service("users", "orders")))
            .ListOrdersAsync(new ListOrdersRequest { UserId = someone });
        await GrpcAssert.FailsWith(Grpc.Core.StatusCode.NotFound, async () =>
            await new UserService.UserServiceClient(users.Channel.With(TestTokens.Admin(), TestTokens.Service("orders", "users"))).GetUserAsync(new GetUserRequest { UserId = someone }));
        await new NotificationService.NotificationServiceClient(notifications.Channel.As(TestTokens.Admin()))
            .ListNotificationsAsync(new ListNotificationsRequest { UserId = someone });
    }

    /// <summary>Empties the three databases; call with no delivery in flight (the outbox drained or its target down).</summary>
    public Task ResetAsync() => Task.WhenAll(databases.Select(d => d.ResetAsync()));

    public async ValueTask DisposeAsync()
    {
        await Orders.DisposeAsync();
        await Users.DisposeAsync();
        await Notifications.DisposeAsync();
        foreach (var database in databases) await database.DisposeAsync();
    }
}
