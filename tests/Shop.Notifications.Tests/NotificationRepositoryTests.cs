using Npgsql;
using Shop.Notifications.Data;

namespace Shop.Notifications.Tests;

/// <summary>The repository's SQL against the real schema, without gRPC in between.</summary>
[TestClass]
public sealed class NotificationRepositoryTests : NotificationsTest
{
    private NpgsqlDataSource dataSource = null!;
    private NotificationRepository repository = null!;

    [TestInitialize]
    public void OpenRepository()
    {
        dataSource = NpgsqlDataSource.Create(Fixture.Database.ConnectionString);
        repository = new NotificationRepository(dataSource);
    }

    [TestCleanup]
    public ValueTask CloseRepository() => dataSource.DisposeAsync();

    private static NewNotification New(Guid? eventId = null, Guid? userId = null, DateTime? occurredAt = null) => new(
        Guid.CreateVersion7(), eventId ?? Guid.NewGuid(), userId ?? Guid.NewGuid(), Guid.NewGuid(), "order_placed", "placed",
        occurredAt ?? new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    [TestMethod]
    public async Task InsertOnce_stores_the_first_and_returns_it_for_the_same_event_id()
    {
        var first = New();
        var (stored, duplicate) = await repository.InsertOnceAsync(first, default);
        Assert.IsFalse(duplicate);
        Assert.AreEqual((first.Id, first.EventId, first.UserId, first.OrderId, first.Type, first.Message, first.OccurredAt),
            (stored.Id, stored.EventId, stored.UserId, stored.OrderId, stored.Type, stored.Message, stored.OccurredAt));
        Assert.IsNull(stored.ReadAt);

        var (again, againDuplicate) = await repository.InsertOnceAsync(New(first.EventId) with { Type = "order_cancelled" }, default);
        Assert.IsTrue(againDuplicate);
        Assert.AreEqual(stored, again);
    }

    [TestMethod]
    public async Task Concurrent_inserts_of_one_event_store_one_row()
    {
        var eventId = Guid.NewGuid();
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => repository.InsertOnceAsync(New(eventId), default))));

        Assert.AreEqual(1, results.Count(r => !r.Duplicate));
        Assert.AreEqual(1, results.Select(r => r.Notification.Id).Distinct().Count());
        Assert.AreEqual(1, await StoredRowsAsync(eventId.ToString()));
    }

    [TestMethod]
    public async Task ListForUser_pages_by_offset_newest_first_for_that_user_only()
    {
        var user = Guid.NewGuid();
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await repository.InsertOnceAsync(New(userId: user, occurredAt: start.AddSeconds(i)), default)).Notification.Id);
        }
        await repository.InsertOnceAsync(New(occurredAt: start.AddHours(1)), default);
        ids.Reverse();

        CollectionAssert.AreEqual(ids.Take(2).ToList(), (await repository.ListForUserAsync(user, 0, 2, default)).Select(n => n.Id).ToList());
        CollectionAssert.AreEqual(ids.Skip(2).ToList(), (await repository.ListForUserAsync(user, 2, 2, default)).Select(n => n.Id).ToList());
    }

    [TestMethod]
    public async Task MarkRead_keeps_the_first_read_time_and_reports_a_missing_notification_as_null()
    {
        var (stored, _) = await repository.InsertOnceAsync(New(), default);

        var read = await repository.MarkReadAsync(stored.Id, null, default);
        var readAgain = await repository.MarkReadAsync(stored.Id, null, default);

        Assert.IsNotNull(read?.ReadAt);
        Assert.AreEqual(read, readAgain);
        Assert.IsNull(await repository.MarkReadAsync(Guid.NewGuid(), null, default));
    }

    [TestMethod]
    public async Task MarkRead_for_an_owner_leaves_other_users_notifications_unread()
    {
        var (stored, _) = await repository.InsertOnceAsync(New(), default);

        Assert.IsNull(await repository.MarkReadAsync(stored.Id, Guid.NewGuid(), default));
        Assert.IsNull((await repository.ListForUserAsync(stored.UserId, 0, 10, default)).Single().ReadAt);
        Assert.IsNotNull((await repository.MarkReadAsync(stored.Id, stored.UserId, default))?.ReadAt);
    }
}
