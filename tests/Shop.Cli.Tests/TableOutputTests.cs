using System.Text.RegularExpressions;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Testing;
using Shop.Users.V1;

namespace Shop.Cli.Tests;

/// <summary>The tables people read at an 80-column terminal: every id whole on one line, created ids alone on the last.</summary>
[TestClass]
public sealed class TableOutputTests : CliTest
{
    [TestMethod]
    public async Task Ids_are_printed_whole_and_every_line_fits_80_columns()
    {
        var (customer, user) = await NewCustomerAsync();
        var productId = await NewProductAsync();
        var order = (await customer.JsonAsync<PlaceOrderResponse>("orders", "place", $"{productId}:2")).Order;
        await Poll.UntilAsync(() => customer.JsonAsync<ListNotificationsResponse>("notifications", "list"),
            n => n.Notifications.Count > 0, TimeSpan.FromSeconds(30));

        var runs = new[]
        {
            (await customer.RunAsync("orders", "get", order.OrderId), new[] { order.OrderId, user.UserId }),
            (await customer.RunAsync("orders", "list"), new[] { order.OrderId, user.UserId }),
            (await customer.RunAsync("products", "list", "--category", "kitchen"), new[] { productId }),
            (await customer.RunAsync("notifications", "list"), new[] { order.OrderId, user.UserId }),
            (await customer.RunAsync("users", "me"), new[] { user.UserId }),
            (await Admin.RunAsync("users", "list"), new[] { user.UserId }),
        };

        foreach (var (run, ids) in runs)
        {
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            foreach (var id in ids)
            {
                StringAssert.Contains(run.Stdout, id, run.ToString());
                // A table that cut an id would leave its head or its tail on a line without the rest.
                Assert.AreEqual(Count(run.Stdout, id), Count(run.Stdout, id[..24]), $"{id} cut\n{run}");
                Assert.AreEqual(Count(run.Stdout, id), Count(run.Stdout, id[^12..]), $"{id} cut\n{run}");
            }
            foreach (var line in run.Lines) Assert.IsTrue(line.Length <= 80, $"{line.Length} columns: {line}\n{run}");
        }
    }

    [TestMethod]
    public async Task A_command_that_creates_something_ends_with_its_id_alone_on_a_line()
    {
        var client = NewClient();
        var email = $"cli-{Guid.NewGuid():N}@example.com";
        var registered = await client.RunAsync("users", "register", email, "Cli Customer", Password);
        await client.RunAsync("users", "login", email, Password);
        var added = await Admin.RunAsync("products", "add", "Espresso cup", "12.50", "5");
        var placed = await client.RunAsync("orders", "place", $"{added.Lines[^1]}:2");
        var paid = await client.RunAsync("orders", "pay", placed.Lines[^1], "25.00");

        var user = (await client.JsonAsync<GetProfileResponse>("users", "me")).User;
        var order = (await client.JsonAsync<GetOrderResponse>("orders", "get", placed.Lines[^1])).Order;
        Assert.AreEqual(user.UserId, registered.Lines[^1], registered.ToString());
        Assert.AreEqual(order.Items.Single().ProductId, added.Lines[^1], added.ToString());
        Assert.AreEqual(user.UserId, order.UserId);
        Assert.AreEqual(OrderStatus.Paid, order.Status, paid.ToString());
        Assert.IsTrue(Guid.TryParse(paid.Lines[^1], out _), paid.ToString());
    }

    private static int Count(string text, string part) => Regex.Count(text, Regex.Escape(part));
}
