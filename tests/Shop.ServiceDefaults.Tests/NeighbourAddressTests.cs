using Shop.ServiceDefaults.Neighbours;

namespace Shop.ServiceDefaults.Tests;

/// <summary>The three forms a neighbour's address may take, and what each wrong one is told.</summary>
[TestClass]
public sealed class NeighbourAddressTests
{
    [TestMethod]
    public void One_http_address_is_the_channels_own_address_unbalanced()
    {
        var address = NeighbourAddress.Parse("http://127.0.0.1:5102", "orders", out var problem)!;

        Assert.IsNull(problem);
        Assert.AreEqual(new Uri("http://127.0.0.1:5102"), address.ChannelAddress);
        Assert.IsFalse(address.Balanced);
        Assert.IsFalse(address.Secure);
    }

    [TestMethod]
    public void A_list_is_a_static_channel_named_for_the_neighbour_over_every_replica()
    {
        var address = NeighbourAddress.Parse("https://10.0.0.5:8080, https://10.0.0.6:8080", "orders", out var problem)!;

        Assert.IsNull(problem);
        Assert.AreEqual(new Uri("static:///orders"), address.ChannelAddress);
        Assert.IsTrue(address.Balanced);
        Assert.IsTrue(address.Secure);
        CollectionAssert.AreEqual(new[] { "10.0.0.5:8080", "10.0.0.6:8080" },
            address.Replicas.Select(r => $"{r.EndPoint.Host}:{r.EndPoint.Port}").ToArray());
    }

    [TestMethod]
    public void A_dns_name_is_resolved_by_the_channel_and_balanced()
    {
        var address = NeighbourAddress.Parse("dns:///orders-headless.shop.svc.cluster.local:8080", "orders", out var problem)!;

        Assert.IsNull(problem);
        Assert.AreEqual(new Uri("dns:///orders-headless.shop.svc.cluster.local:8080"), address.ChannelAddress);
        Assert.IsTrue(address.Balanced);
        Assert.IsEmpty(address.Replicas);
    }

    [TestMethod]
    [DataRow(null, "it is not set")]
    [DataRow(" ", "it is not set")]
    [DataRow("orders:5102", "'orders:5102' is not an http(s) address")]
    [DataRow("127.0.0.1:5102", "'127.0.0.1:5102' is not an http(s) address")]
    [DataRow("http://127.0.0.1:5102,orders:5112", "'orders:5112' in the list is not an http(s) address")]
    [DataRow("http://127.0.0.1:5102;http://127.0.0.1:5112", "is not an http(s) address")]
    [DataRow("http://127.0.0.1:5102,", "'' in the list is not an http(s) address")]
    [DataRow("http://a:1,https://b:2", "the list mixes http and https addresses")]
    [DataRow("http://a:1/orders,http://b:2", "'http://a:1/orders' in the list has a path")]
    [DataRow("http://a:1,http://a:1/", "a:1 is in the list twice")]
    [DataRow("dns://8.8.8.8/orders:8080", "is not of the form dns:///host:port")]
    [DataRow("dns:orders:8080", "is not of the form dns:///host:port")]
    [DataRow("dns:///orders-headless", "does not end in a host name and a port")]
    [DataRow("dns:///orders-headless:http", "does not end in a host name and a port")]
    [DataRow("dns:///orders-headless:70000", "does not end in a host name and a port")]
    [DataRow("dns:///a:1,dns:///b:1", "in the list is not an http(s) address")]
    public void A_setting_of_none_of_the_forms_is_refused_saying_why(string? setting, string why)
    {
        Assert.IsNull(NeighbourAddress.Parse(setting, "orders", out var problem));

        StringAssert.Contains(problem, why);
    }

    [TestMethod]
    public void A_long_setting_is_not_repeated_whole()
    {
        NeighbourAddress.Parse(new string('x', 10_000), "orders", out var problem);

        Assert.IsLessThan(200, problem!.Length, problem);
    }

    [TestMethod]
    public void The_message_names_the_setting_its_variable_and_every_form()
    {
        var message = NeighbourClientExtensions.Required("Services:Orders", "orders", 5102, "it is not set");

        foreach (var part in new[] { "'Services:Orders'", "Services__Orders", "http://127.0.0.1:5102", "separated by commas", "dns:///host:port", "it is not set" })
        {
            StringAssert.Contains(message, part);
        }
    }
}
