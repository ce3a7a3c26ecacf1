using Grpc.Core;
using Shop.Notifications.V1;

namespace Shop.Notifications.Tests;

[TestClass]
public sealed class ListAndReadTests : NotificationsTest
{
    [TestMethod]
    public async Task List_pages_through_a_users_notifications_newest_first_and_only_theirs()
    {
        var user = Guid.NewGuid().ToString();
        var start = new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        // Delivered out of order, as a retried outbox may; the list follows when events happened.
        var expected = new List<string>();
        foreach (var minutes in new[] { 3, 0, 4, 1, 2 })
        {
            var reply = await DeliverAsync(Event(OrderEventType.Placed, user, occurredAt: start.AddMinutes(minutes)));
            expected.Add(reply.Notification.NotificationId);
        }
        var newestFirst = new[] { 2, 0, 4, 3, 1 }.Select(i => expected[i]).ToList();
        await DeliverAsync(Event(OrderEventType.Placed, Guid.NewGuid().ToString(), occurredAt: start.AddMinutes(10)));

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await Notifications.ListNotificationsAsync(new ListNotificationsRequest { UserId = user, PageSize = 2, PageToken = token });
            Assert.IsTrue(page.Notifications.All(n => n.UserId == user));
            seen.AddRange(page.Notifications.Select(n => n.NotificationId));
            token = page.NextPageToken;
            pages++;
        }
        while (token != "");

        CollectionAssert.AreEqual(newestFirst, seen);
        Assert.AreEqual(3, pages);
    }

    [TestMethod]
    public async Task Events_at_the_same_instant_list_the_later_delivery_first()
    {
        var user = Guid.NewGuid().ToString();
        var at = DateTime.UtcNow;
        var first = (await DeliverAsync(Event(OrderEventType.Placed, user, occurredAt: at))).Notification;
        var second = (await DeliverAsync(Event(OrderEventType.Paid, user, occurredAt: at))).Notification;

        var page = await Notifications.ListNotificationsAsync(new ListNotificationsRequest { UserId = user });

        CollectionAssert.AreEqual(new[] { second.NotificationId, first.NotificationId }, page.Notifications.Select(n => n.NotificationId).ToList());
    }

    [TestMethod]
    public async Task A_user_without_notifications_gets_an_empty_last_page()
    {
        var page = await Notifications.ListNotificationsAsync(new ListNotificationsRequest { UserId = Guid.NewGuid().ToString() });

        Assert.AreEqual(0, page.Notifications.Count);
        Assert.AreEqual("", page.NextPageToken);
    }

    [TestMethod]
    public async Task MarkRead_marks_one_notification_and_marking_again_is_harmless()
    {
        var user = Guid.NewGuid().ToString();
        var target = (await DeliverAsync(Event(OrderEventType.Paid, user))).Notification;
        var other = (await DeliverAsync(Event(OrderEventType.Placed, user))).Notification;

        var read = (await Notifications.MarkReadAsync(new MarkReadRequest { NotificationId = target.NotificationId })).Notification;
        var readAgain = (await Notifications.MarkReadAsync(new MarkReadRequest { NotificationId = target.NotificationId })).Notification;

        Assert.IsTrue(read.Read);
        Assert.AreEqual(read, readAgain);
        var listed = (await Notifications.ListNotificationsAsync(new ListNotificationsRequest { UserId = user })).Notifications.ToDictionary(n => n.NotificationId);
        Assert.IsTrue(listed[target.NotificationId].Read);
        Assert.IsFalse(listed[other.NotificationId].Read);
    }

    [TestMethod]
    public async Task MarkRead_of_an_unknown_notification_is_not_found()
    {
        var id = Guid.NewGuid().ToString();
        var error = await FailsWith(StatusCode.NotFound, async () => await Notifications.MarkReadAsync(new MarkReadRequest { NotificationId = id }));
        StringAssert.Contains(error.Status.Detail, id);
    }
}
