using Shop.Notifications;
using Shop.Testing;

namespace Shop.Notifications.Tests;

/// <summary>The notifications service in-process on a database of its own.</summary>
public sealed class NotificationsFixture : IAsyncDisposable
{
    private NotificationsFixture(TestDatabase database, GrpcServiceHost<Program> host)
    {
        Database = database;
        Host = host;
    }

    public TestDatabase Database { get; }

    public GrpcServiceHost<Program> Host { get; }

    public static async Task<NotificationsFixture> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync("shop_notifications", typeof(Program).Assembly);
        var host = new GrpcServiceHost<Program>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Notifications"] = database.ConnectionString,
        });
        _ = host.Server;
        return new NotificationsFixture(database, host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
