using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Shop.Build.Mesh;
using Shop.Testing;
using OrdersProgram = Shop.Orders.Program;
using UsersProgram = Shop.Users.Program;

namespace Shop.Orders.Tests;

/// <summary>
/// The orders service in-process on a database of its own, talking over gRPC to a real users
/// service hosted in the same process (or, for failure tests, to an address that does not answer).
/// </summary>
public sealed class OrdersFixture : IAsyncDisposable
{
    private readonly IAsyncDisposable? usersStandIn;

    private OrdersFixture(TestDatabase database, GrpcServiceHost<OrdersProgram> host, TestDatabase? usersDatabase,
        GrpcServiceHost<UsersProgram>? usersHost, IAsyncDisposable? usersStandIn)
    {
        Database = database;
        Host = host;
        UsersDatabase = usersDatabase;
        UsersHost = usersHost;
        this.usersStandIn = usersStandIn;
    }

    public TestDatabase Database { get; }

    public GrpcServiceHost<OrdersProgram> Host { get; }

    public TestDatabase? UsersDatabase { get; }

    public GrpcServiceHost<UsersProgram>? UsersHost { get; }

    /// <summary>Orders wired to an in-process users service.</summary>
    public static async Task<OrdersFixture> CreateAsync()
    {
        var usersDatabase = await TestDatabase.CreateAsync(MeshTopology.Users.Database, typeof(UsersProgram).Assembly);
        // Users' own neighbour, orders, is never asked here: GetUser needs no one.
        var usersHost = new GrpcServiceHost<UsersProgram>(MeshTopology.Settings(MeshTopology.Users, usersDatabase.ConnectionString, Unused,
            new Dictionary<string, string?>
            {
                ["Auth:PasswordHashIterations"] = "1000",
            }));
        _ = usersHost.Server;

        var database = await TestDatabase.CreateAsync(MeshTopology.Orders.Database, typeof(OrdersProgram).Assembly);
        // The users client keeps its production setup (client factory, deadline, propagation); only
        // the bottom of its handler pipeline is swapped for the in-process users server.
        var host = new GrpcServiceHost<OrdersProgram>(Settings(database, usersHost.Server.BaseAddress), services =>
            services.ConfigureAll<HttpClientFactoryOptions>(options =>
                options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = usersHost.Server.CreateHandler())));
        _ = host.Server;
        return new OrdersFixture(database, host, usersDatabase, usersHost, null);
    }

    /// <summary>Orders whose users service is at <paramref name="usersAddress"/>, over real sockets.</summary>
    /// <param name="standIn">Whatever serves that address, disposed with the fixture.</param>
    public static async Task<OrdersFixture> WithUsersAtAsync(Uri usersAddress, TimeSpan deadline, IAsyncDisposable? standIn = null)
    {
        var database = await TestDatabase.CreateAsync(MeshTopology.Orders.Database, typeof(OrdersProgram).Assembly);
        var settings = Settings(database, usersAddress);
        settings["UserDirectory:Deadline"] = deadline.ToString("c");
        var host = new GrpcServiceHost<OrdersProgram>(settings);
        _ = host.Server;
        return new OrdersFixture(database, host, null, null, standIn);
    }

    public async Task ResetAsync()
    {
        await Database.ResetAsync();
        if (UsersDatabase is not null) await UsersDatabase.ResetAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
        if (UsersHost is not null) await UsersHost.DisposeAsync();
        if (UsersDatabase is not null) await UsersDatabase.DisposeAsync();
        if (usersStandIn is not null) await usersStandIn.DisposeAsync();
    }

    private static Dictionary<string, string?> Settings(TestDatabase database, Uri usersAddress) =>
        MeshTopology.Settings(MeshTopology.Orders, database.ConnectionString, callee => callee == MeshTopology.Users ? usersAddress : Unused(callee),
            new Dictionary<string, string?>
            {
                // These tests read the outbox; the mesh tests cover its delivery.
                ["Outbox:Enabled"] = "false",
            });

    /// <summary>The address of a neighbour these tests never call.</summary>
    private static Uri Unused(MeshService service) => new($"http://{service.Name}.unused");
}
