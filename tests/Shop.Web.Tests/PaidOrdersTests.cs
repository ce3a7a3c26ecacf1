using Bunit;
using Google.Protobuf.WellKnownTypes;
using Shop.Common.V1;
using Shop.Orders.V1;
using Shop.Web.Components.Pages.Admin;
using Shop.Web.Session;

namespace Shop.Web.Tests;

[TestClass]
public sealed class PaidOrdersTests : WebTest
{
    private const string GraceId = "6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7";

    [TestMethod]
    public void Paid_orders_of_every_customer_are_listed_and_fulfilling_one_takes_it_off_the_list()
    {
        SignInAsAda(SessionClaims.AdminRole);
        var adas = OrderOf(AdaId, OrderStatus.Paid);
        var graces = OrderOf(GraceId, OrderStatus.Paid);
        Orders.Orders.AddRange([adas, graces, OrderOf(GraceId, OrderStatus.Pending), OrderOf(GraceId, OrderStatus.Fulfilled)]);
        Orders.Spending.Add(new CustomerSpending { UserId = AdaId, OrderCount = 1 });
        Orders.Spending.Add(new CustomerSpending { UserId = GraceId, OrderCount = 2 });
        var page = Context.Render<PaidOrders>();

        Assert.HasCount(2, page.FindAll("table.orders tbody tr"), "only the two paid orders wait to be fulfilled");
        page.Find($"button[aria-label='Fulfil order {graces.OrderId}']").Click();

        page.WaitForAssertion(() => Assert.AreEqual($"Order {graces.OrderId} fulfilled.", page.Find("p.success").TextContent));
        Assert.AreEqual(OrderStatus.Fulfilled, graces.Status);
        var left = page.FindAll("table.orders tbody tr");
        Assert.HasCount(1, left);
        Assert.IsNotNull(left[0].QuerySelector($"button[aria-label='Fulfil order {adas.OrderId}']"));
    }

    private static Order OrderOf(string userId, OrderStatus status) => new()
    {
        OrderId = Guid.NewGuid().ToString(),
        UserId = userId,
        Status = status,
        Total = Money.FromDecimal(199.98m, "EUR"),
        CreatedAt = Timestamp.FromDateTime(DateTime.UtcNow),
    };
}
