using Shop.Build.Mesh;
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
        var database = await TestDatabase.CreateAsync(MeshTopology.Notifications.Database, typeof(Program).Assembly);
        // Notifications calls no one.
        var host = new GrpcServiceHost<Program>(MeshTopology.Settings(MeshTopology.Notifications, database.ConnectionString,
            callee => throw new InvalidOperationException($"Notifications does not call {callee}.")));
        _ = host.Server;
        return new NotificationsFixture(database, host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
