using Microsoft.Extensions.Options;
using Shop.Build.Mesh;
using Shop.Testing;
using OrdersProgram = Shop.Orders.Program;

namespace Shop.Orders.Tests;

/// <summary>
/// Orders with an address of users or notifications none of the forms allows stops at start, naming the setting,
/// rather than starting and answering every PlaceOrder with UNKNOWN (as a two-address Services:Users once did).
/// </summary>
[TestClass]
public sealed class NeighbourSettingsTests
{
    [TestMethod]
    [DataRow("Services:Users", "users:5101")]
    [DataRow("Services:Users", "http://127.0.0.1:9;http://127.0.0.1:10")]
    [DataRow("Services:Users", "dns:///users")]
    [DataRow("Services:Notifications", "http://127.0.0.1:9,https://127.0.0.1:10")]
    [DataRow("Services:Notifications", "")]
    public async Task Orders_does_not_start_with_an_unusable_neighbour_address_and_names_the_setting(string key, string value)
    {
        // The host logs that it failed to start, which is what this test wants.
        ServerLog.Current!.ExpectErrors(e => e.Exception is OptionsValidationException);
        await using var database = await TestDatabase.CreateAsync("shop_orders", typeof(OrdersProgram).Assembly);
        var settings = MeshTopology.Settings(MeshTopology.Orders, database.ConnectionString, callee => new Uri("http://127.0.0.1:9"),
            new Dictionary<string, string?> { [key] = value });
        await using var host = new GrpcServiceHost<OrdersProgram>(settings);

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => host.Server);

        StringAssert.Contains(error.Message, $"'{key}'");
    }

    [TestMethod]
    public async Task Orders_starts_with_a_list_of_replicas_and_with_a_dns_name()
    {
        await using var database = await TestDatabase.CreateAsync("shop_orders", typeof(OrdersProgram).Assembly);
        var settings = MeshTopology.Settings(MeshTopology.Orders, database.ConnectionString, callee => new Uri("http://127.0.0.1:9"),
            new Dictionary<string, string?>
            {
                ["Services:Users"] = "http://127.0.0.1:9,http://127.0.0.1:10",
                ["Services:Notifications"] = "dns:///localhost:9",
                ["Outbox:Enabled"] = "false",
            });
        await using var host = new GrpcServiceHost<OrdersProgram>(settings);

        Assert.IsNotNull(host.Server);
    }
}
