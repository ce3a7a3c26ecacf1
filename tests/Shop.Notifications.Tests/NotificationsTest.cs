using Dapper;
using Google.Protobuf.WellKnownTypes;
using Npgsql;
using Shop.Notifications.V1;
using Shop.Testing;
using Shop.Testing.Auth;

[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]

namespace Shop.Notifications.Tests;

/// <summary>Base of every test class: the class's own service host, emptied before each test.</summary>
public abstract class NotificationsTest
{
    protected NotificationsFixture Fixture { get; private set; } = null!;

    /// <summary>NotificationService as an admin, who may read and mark anyone's notifications.</summary>
    protected NotificationService.NotificationServiceClient Notifications => new(Fixture.Host.Channel.As(TestTokens.Admin()));

    /// <summary>NotificationService as the orders service, the only caller of DeliverOrderEvent.</summary>
    protected NotificationService.NotificationServiceClient FromOrders =>
        new(Fixture.Host.Channel.With(null, TestTokens.Service("orders", "notifications")));

    [TestInitialize]
    public async Task StartFromEmptyDatabase()
    {
        Fixture = await ClassFixtures<NotificationsFixture>.ForAsync(GetType(), NotificationsFixture.CreateAsync);
        await Fixture.Database.ResetAsync();
    }

    protected static OrderEvent Event(
        OrderEventType type, string? userId = null, string? orderId = null, DateTime? occurredAt = null, string? eventId = null) => new()
        {
            EventId = eventId ?? Guid.NewGuid().ToString(),
            Type = type,
            OrderId = orderId ?? Guid.NewGuid().ToString(),
            UserId = userId ?? Guid.NewGuid().ToString(),
            OccurredAt = Timestamp.FromDateTime(occurredAt ?? DateTime.UtcNow),
        };

    protected async Task<DeliverOrderEventResponse> DeliverAsync(OrderEvent orderEvent) =>
        await FromOrders.DeliverOrderEventAsync(new DeliverOrderEventRequest { Event = orderEvent });

    /// <summary>Rows in the table, read past the service, so tests see what was really written.</summary>
    protected async Task<long> StoredRowsAsync(string? eventId = null)
    {
        await using var connection = new NpgsqlConnection(Fixture.Database.ConnectionString);
        return eventId is null
            ? await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM notifications")
            : await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM notifications WHERE event_id = @id", new { id = Guid.Parse(eventId) });
    }
}

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static Task DisposeHosts() => ClassFixtures<NotificationsFixture>.DisposeAllAsync();

    /// <summary>A server error fails the test that caused it: see <see cref="ServerLog"/>.</summary>
    [GlobalTestInitialize]
    public static void CollectServerLogs(TestContext test) => ServerLog.BeginTest(test);

    [GlobalTestCleanup]
    public static void FailOnUnexpectedServerErrors(TestContext test) => ServerLog.EndTest(test);
}
