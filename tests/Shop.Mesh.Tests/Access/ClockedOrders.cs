using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shop.Testing;
using OrdersProgram = Shop.Orders.Program;

namespace Shop.Mesh.Tests.Access;

/// <summary>
/// The orders service in-process with a clock the test moves (token lifetimes and key retirement are read
/// from it), trusting users' test key until <see cref="OldKeyRetires"/> and a second users key, as during a rotation.
/// </summary>
public sealed class ClockedOrders : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>When users' first test key stops being trusted: the end of the rotation's overlap.</summary>
    public static readonly DateTimeOffset OldKeyRetires = Start.AddHours(2);

    public const string NewKeyId = "users-next";

    public static readonly System.Security.Cryptography.RSA NewKey = System.Security.Cryptography.RSA.Create(2048);

    private ClockedOrders(TestDatabase database, GrpcServiceHost<OrdersProgram> host, FakeTimeProvider clock)
    {
        Database = database;
        Host = host;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    public GrpcServiceHost<OrdersProgram> Host { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<ClockedOrders> StartAsync()
    {
        var database = await TestDatabase.CreateAsync("shop_orders", typeof(OrdersProgram).Assembly);
        var clock = new FakeTimeProvider(Start);
        var settings = Testing.Auth.TestKeys.Settings("orders", (NewKeyId, NewKey, null));
        settings["Auth:Keys:users:0:ValidUntil"] = OldKeyRetires.ToString("O");
        settings["ConnectionStrings:Orders"] = database.ConnectionString;
        settings["Services:Users"] = "http://users.invalid";
        settings["Services:Notifications"] = "http://notifications.invalid";
        settings["Outbox:Enabled"] = "false";
        var host = new GrpcServiceHost<OrdersProgram>(settings, services => services.AddSingleton<TimeProvider>(clock));
        _ = host.Server;
        return new ClockedOrders(database, host, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
