using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Testing;

namespace Shop.Cli.Tests;

/// <summary>Commands that act for a user act for the signed-in one unless another is named.</summary>
[TestClass]
public sealed class SignedInUserTests : CliTest
{
    [TestMethod]
    public async Task Place_and_the_lists_act_for_the_signed_in_user()
    {
        var (customer, user) = await NewCustomerAsync();
        var (other, _) = await NewCustomerAsync();
        var productId = await NewProductAsync();
        var otherOrder = (await other.JsonAsync<PlaceOrderResponse>("orders", "place", $"{productId}:1")).Order;

        var order = (await customer.JsonAsync<PlaceOrderResponse>("orders", "place", $"{productId}:2")).Order;

        Assert.AreEqual(user.UserId, order.UserId);
        CollectionAssert.AreEqual(new[] { order.OrderId }, (await customer.JsonAsync<ListOrdersResponse>("orders", "list")).Orders.Select(o => o.OrderId).ToArray());
        var notifications = await Poll.UntilAsync(() => customer.JsonAsync<ListNotificationsResponse>("notifications", "list"),
            n => n.Notifications.Count > 0, TimeSpan.FromSeconds(30));
        Assert.AreEqual(order.OrderId, notifications.Notifications.Single().OrderId);
        Assert.AreNotEqual(otherOrder.OrderId, order.OrderId);
    }

    [TestMethod]
    public async Task Another_user_is_named_with_the_user_option_or_as_the_lists_argument()
    {
        var (customer, user) = await NewCustomerAsync();
        var productId = await NewProductAsync();

        // Orders are placed only for yourself (so --user names your own id); an admin reads anyone's.
        var order = (await customer.JsonAsync<PlaceOrderResponse>("orders", "place", "--user", user.UserId, $"{productId}:1")).Order;

        Assert.AreEqual(user.UserId, order.UserId);
        foreach (var arguments in new[] { new[] { "orders", "list", "--user", user.UserId }, ["orders", "list", user.UserId] })
        {
            CollectionAssert.AreEqual(new[] { order.OrderId }, (await Admin.JsonAsync<ListOrdersResponse>(arguments)).Orders.Select(o => o.OrderId).ToArray());
        }
        var notifications = await Poll.UntilAsync(() => Admin.JsonAsync<ListNotificationsResponse>("notifications", "list", "--user", user.UserId),
            n => n.Notifications.Count > 0, TimeSpan.FromSeconds(30));
        Assert.AreEqual(order.OrderId, notifications.Notifications.Single().OrderId);
        Assert.AreEqual(1, (await customer.JsonAsync<ListNotificationsResponse>("notifications", "list", user.UserId)).Notifications.Count);
    }

    [TestMethod]
    public async Task Without_a_login_a_command_for_the_signed_in_user_asks_for_one()
    {
        var client = NewClient();

        foreach (var arguments in new[] { new[] { "orders", "list" }, ["notifications", "list"], ["orders", "place", $"{Guid.NewGuid()}:1"] })
        {
            var run = await client.RunAsync([.. arguments, "-o", "json"]);
            Assert.AreEqual(6, run.ExitCode, run.ToString());
            Assert.AreEqual("", run.Stdout, run.ToString());
            StringAssert.StartsWith(run.Stderr, "error: not signed in", run.ToString());
        }
    }

    [TestMethod]
    public async Task The_old_place_form_with_a_user_id_first_is_refused_with_a_hint()
    {
        var (customer, user) = await NewCustomerAsync();
        var productId = await NewProductAsync();

        var run = await customer.RunAsync("orders", "place", user.UserId, $"{productId}:1");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Stderr, "--user", run.ToString());
        Assert.AreEqual(0, (await customer.JsonAsync<ListOrdersResponse>("orders", "list")).Orders.Count);
    }
}
