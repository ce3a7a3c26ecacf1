using Bunit;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Shop.Common.V1;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Web.Components.Pages;
using Shop.Web.Tests.Fakes;

namespace Shop.Web.Tests;

[TestClass]
public sealed class DashboardTests : WebTest
{
    [TestMethod]
    public void The_dashboard_greets_the_user_and_lists_their_orders_with_status_and_total()
    {
        SignInAsAda();
        Orders.Orders.Add(OrderOf(OrderStatus.Paid, 199.98m));
        Orders.Orders.Add(OrderOf(OrderStatus.Pending, 99.99m));

        var page = Context.Render<Dashboard>();

        Assert.AreEqual("Welcome, Ada", page.Find("h1").TextContent);
        CollectionAssert.AreEqual(new[] { AdaId }, Orders.AskedForUsers.Distinct().ToArray(), "asked for another user's orders");
        var rows = page.FindAll("table.orders tbody tr");
        Assert.HasCount(2, rows);
        Assert.AreEqual("PAID", rows[0].QuerySelector(".status")!.TextContent);
        Assert.AreEqual("199.98 EUR", rows[0].QuerySelector(".amount")!.TextContent);
        Assert.AreEqual("PENDING", rows[1].QuerySelector(".status")!.TextContent);
    }

    [TestMethod]
    public void Notifications_show_the_unread_count_and_can_be_marked_read()
    {
        SignInAsAda();
        Notifications.Notifications.Add(new Notification
        {
            NotificationId = "n1", UserId = AdaId, Type = "order_processed", Message = "Your order has been paid",
            CreatedAt = Timestamp.FromDateTime(DateTime.UtcNow),
        });
        var page = Context.Render<Dashboard>();
        Assert.AreEqual("1", page.Find("#unread-count").TextContent);

        page.Find("ul.notifications button").Click();

        page.WaitForAssertion(() => Assert.AreEqual("0", page.Find("#unread-count").TextContent));
        Assert.IsEmpty(page.FindAll("ul.notifications button"));
    }

    [TestMethod]
    public void An_orders_outage_is_shown_in_place_and_the_orders_appear_when_it_ends_without_a_reload()
    {
        SignInAsAda();
        Orders.Outage = Calls.Failure(StatusCode.Unavailable, "Error connecting to subchannel.");

        var page = Context.Render<Dashboard>();

        Assert.AreEqual("Order service unavailable", page.Find("p.outage").TextContent);
        Assert.AreEqual("Welcome, Ada", page.Find("h1").TextContent, "the rest of the page still works");
        Orders.Orders.Add(OrderOf(OrderStatus.Paid, 199.98m));
        Orders.Outage = null;
        page.WaitForAssertion(() =>
        {
            Assert.IsEmpty(page.FindAll("p.outage"));
            Assert.AreEqual("PAID", page.Find("table.orders .status").TextContent);
        }, TimeSpan.FromSeconds(5));
    }

    private static Order OrderOf(OrderStatus status, decimal total) => new()
    {
        OrderId = Guid.NewGuid().ToString(),
        UserId = AdaId,
        Status = status,
        Total = Money.FromDecimal(total, "EUR"),
        CreatedAt = Timestamp.FromDateTime(DateTime.UtcNow),
    };
}
