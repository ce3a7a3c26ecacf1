using Shop.Orders.V1;
using Shop.Testing;

namespace Shop.Cli.Tests;

/// <summary>
/// A failure is one line on stderr naming the gRPC status, nothing on stdout (not even with -o json), and
/// the exit code of its class, as the README's table says.
/// </summary>
[TestClass]
public sealed class ExitCodeTests : CliTest
{
    [TestMethod]
    public async Task Not_found_is_4()
    {
        // An admin: a customer hears PERMISSION_DENIED (6) for any order not theirs, existing or not.
        await AssertFailsAsync(Admin, 4, "NOT_FOUND", "orders", "get", Guid.NewGuid().ToString());
    }

    [TestMethod]
    public async Task A_conflict_with_the_current_state_is_5()
    {
        var (customer, _) = await NewCustomerAsync();
        var order = (await customer.JsonAsync<PlaceOrderResponse>("orders", "place", $"{await NewProductAsync()}:1")).Order;
        await customer.JsonAsync<PayOrderResponse>("orders", "pay", order.OrderId, "99.99");

        await AssertFailsAsync(customer, 5, "FAILED_PRECONDITION", "orders", "pay", order.OrderId, "99.99");
    }

    [TestMethod]
    public async Task Input_the_service_refuses_is_3()
    {
        var (customer, _) = await NewCustomerAsync();

        await AssertFailsAsync(customer, 3, "INVALID_ARGUMENT", "users", "get", "not-a-uuid");
    }

    [TestMethod]
    public async Task No_valid_login_is_6()
    {
        var client = NewClient();

        await AssertFailsAsync(client, 6, "UNAUTHENTICATED", "users", "me");
    }

    [TestMethod]
    public async Task A_service_that_cannot_be_reached_is_7()
    {
        var (customer, _) = await NewCustomerAsync();

        await AssertFailsAsync(customer, 7, "UNAVAILABLE", "orders", "list", "--orders", $"http://127.0.0.1:{Shop.Build.Mesh.LoopbackPorts.Free()}");
    }

    [TestMethod]
    public async Task A_malformed_command_line_is_2_and_reaches_no_service()
    {
        var (customer, _) = await NewCustomerAsync();

        foreach (var arguments in new[] { new[] { "orders", "frobnicate" }, ["orders", "pay", Guid.NewGuid().ToString(), "twelve"], ["orders", "place", "no-quantity"] })
        {
            var run = await customer.RunAsync(arguments);
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            Assert.AreNotEqual("", run.Stderr, run.ToString());
        }
    }

    [TestMethod]
    public async Task Success_is_0()
    {
        var (customer, _) = await NewCustomerAsync();

        var run = await customer.RunAsync("users", "me");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual("", run.Stderr, run.ToString());
    }

    private static async Task AssertFailsAsync(ShopCli client, int exitCode, string status, params string[] arguments)
    {
        foreach (var output in new[] { "table", "json" })
        {
            var run = await client.RunAsync([.. arguments, "-o", output]);
            Assert.AreEqual(exitCode, run.ExitCode, run.ToString());
            Assert.AreEqual("", run.Stdout, run.ToString());
            StringAssert.StartsWith(run.Stderr, $"error: {status}: ", run.ToString());
            Assert.AreEqual(1, run.Stderr.TrimEnd('\n').Split('\n').Length, run.ToString());
        }
    }
}
