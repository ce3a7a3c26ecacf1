using Google.Protobuf.WellKnownTypes;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Testing;
using Shop.Users.V1;

namespace Shop.Cli.Tests;

/// <summary>-o json: each command's response, alone on stdout, as proto3 JSON a script can take ids from.</summary>
[TestClass]
public sealed class JsonOutputTests : CliTest
{
    [TestMethod]
    public async Task Each_command_prints_its_response_as_one_proto3_document()
    {
        // JsonAsync parses all of stdout as the response type: anything else on stdout would fail it.
        var (customer, user) = await NewCustomerAsync();
        var productId = await NewProductAsync("99.99", stock: 10);

        var placed = await customer.JsonAsync<PlaceOrderResponse>("orders", "place", $"{productId}:2");
        Assert.AreEqual(user.UserId, placed.Order.UserId);
        Assert.AreEqual(199.98m, placed.Order.Total.ToDecimal());
        Assert.AreEqual(OrderStatus.Pending, placed.Order.Status);

        // The id taken from one command's JSON drives the next, as `jq -r .order.orderId` would.
        var paid = await customer.JsonAsync<PayOrderResponse>("orders", "pay", placed.Order.OrderId, "199.98");
        Assert.AreEqual(OrderStatus.Paid, paid.Order.Status);
        Assert.AreEqual(36, paid.Payment.PaymentId.Length);

        Assert.AreEqual(placed.Order.OrderId, (await customer.JsonAsync<GetOrderResponse>("orders", "get", placed.Order.OrderId)).Order.OrderId);
        CollectionAssert.AreEqual(new[] { placed.Order.OrderId },
            (await customer.JsonAsync<ListOrdersResponse>("orders", "list")).Orders.Select(o => o.OrderId).ToArray());
        Assert.AreEqual(user.Email, (await customer.JsonAsync<GetProfileResponse>("users", "me")).User.Email);
        Assert.AreEqual(user.UserId, (await customer.JsonAsync<GetUserResponse>("users", "get", user.UserId)).User.UserId);
        Assert.AreEqual(8, (await customer.JsonAsync<ListProductsResponse>("products", "list", "--category", "kitchen"))
            .Products.Single(p => p.ProductId == productId).Stock);

        var notifications = await Poll.UntilAsync(
            () => customer.JsonAsync<ListNotificationsResponse>("notifications", "list"),
            n => n.Notifications.Any(x => x.Type == "order_processed"), TimeSpan.FromSeconds(30));
        Assert.IsTrue(notifications.Notifications.All(n => n.UserId == user.UserId && n.OrderId == placed.Order.OrderId));

        var health = await customer.JsonAsync<Struct>("health");
        CollectionAssert.AreEquivalent(new[] { "users", "orders", "notifications" }, health.Fields.Keys.ToArray());
        Assert.IsTrue(health.Fields.Values.All(v => v.StringValue == "SERVING"));
    }

    [TestMethod]
    public async Task Zero_values_are_printed_rather_than_left_out()
    {
        var (customer, _) = await NewCustomerAsync();
        await NewProductAsync(stock: 0);
        await customer.JsonAsync<PlaceOrderResponse>("orders", "place", $"{await NewProductAsync()}:1");

        var products = await customer.RunAsync("products", "list", "--category", "kitchen", "-o", "json");
        StringAssert.Contains(products.Stdout, "\"stock\": 0");
        var notifications = await Poll.UntilAsync(() => customer.RunAsync("notifications", "list", "-o", "json"),
            run => run.Stdout.Contains("order_placed"), TimeSpan.FromSeconds(30));
        StringAssert.Contains(notifications.Stdout, "\"read\": false");
    }
}
