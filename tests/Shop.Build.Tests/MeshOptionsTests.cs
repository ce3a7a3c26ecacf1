using Shop.Build.Mesh;

namespace Shop.Build.Tests;

/// <summary>The environment each service process of Run, Demo, Bench and the process tests starts with.</summary>
[TestClass]
public sealed class MeshOptionsTests
{
    private static readonly MeshOptions Options = new()
    {
        Root = "/repo",
        Configuration = "Release",
        Port = service => service.Port(7000),
        ConnectionString = service => $"Host=db;Database=run_{service.Database}",
        Environment = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Logging__LogLevel__Default"] = "Error" },
        Settings = service => service == MeshTopology.Users
            ? new Dictionary<string, string?> { ["Auth:SigningKey"] = "a-key" }
            : new Dictionary<string, string?>(),
    };

    [TestMethod]
    public void Orders_is_wired_to_its_database_and_to_users_and_notifications_on_their_loopback_ports()
    {
        CollectionAssert.AreEquivalent(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Error",
            ["ConnectionStrings__Orders"] = "Host=db;Database=run_shop_orders",
            ["Services__Users"] = "http://127.0.0.1:7001",
            ["Services__Notifications"] = "http://127.0.0.1:7003",
        }, Options.EnvironmentFor(MeshTopology.Orders));
    }

    [TestMethod]
    public void The_web_app_is_wired_to_every_service_and_asks_for_no_database()
    {
        var options = Options with { ConnectionString = service => throw new AssertFailedException($"asked {service} for a database") };

        CollectionAssert.AreEquivalent(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Error",
            ["Services__Users"] = "http://127.0.0.1:7001",
            ["Services__Orders"] = "http://127.0.0.1:7002",
            ["Services__Notifications"] = "http://127.0.0.1:7003",
        }, options.EnvironmentFor(MeshTopology.Web));
        Assert.AreEqual(7000, options.Port(MeshTopology.Web));
    }

    [TestMethod]
    public void With_the_web_app_started_users_believes_its_forwarded_client_addresses_and_without_it_nobodys()
    {
        var withWeb = Options with { Services = MeshTopology.All };

        Assert.AreEqual("127.0.0.1", withWeb.EnvironmentFor(MeshTopology.Users)["ForwardedHeaders__KnownProxies__0"]);
        Assert.IsFalse(Options.EnvironmentFor(MeshTopology.Users).Keys.Any(k => k.StartsWith("ForwardedHeaders__", StringComparison.Ordinal)));
        foreach (var other in new[] { MeshTopology.Orders, MeshTopology.Notifications, MeshTopology.Web })
        {
            Assert.IsFalse(withWeb.EnvironmentFor(other).Keys.Any(k => k.StartsWith("ForwardedHeaders__", StringComparison.Ordinal)), $"{other} believes a proxy");
        }
    }

    [TestMethod]
    public void A_service_gets_its_own_settings_as_environment_variables_and_no_other_service_does()
    {
        Assert.AreEqual("a-key", Options.EnvironmentFor(MeshTopology.Users)["Auth__SigningKey"]);
        Assert.IsFalse(Options.EnvironmentFor(MeshTopology.Notifications).ContainsKey("Auth__SigningKey"));
    }

    [TestMethod]
    public void With_replicas_callers_get_every_replica_of_the_services_that_scale_out_and_users_runs_once()
    {
        var replicated = Options with { Replicas = 2 };

        Assert.AreEqual("http://127.0.0.1:7002,http://127.0.0.1:7012", replicated.EnvironmentFor(MeshTopology.Users)["Services__Orders"]);
        Assert.AreEqual("http://127.0.0.1:7003,http://127.0.0.1:7013", replicated.EnvironmentFor(MeshTopology.Orders)["Services__Notifications"]);
        Assert.AreEqual("http://127.0.0.1:7001", replicated.EnvironmentFor(MeshTopology.Orders)["Services__Users"]);
        Assert.HasCount(1, replicated.Addresses(MeshTopology.Users));
        // Every replica of a service shares its database.
        Assert.AreEqual("Host=db;Database=run_shop_orders", replicated.EnvironmentFor(MeshTopology.Orders)["ConnectionStrings__Orders"]);
    }

    [TestMethod]
    public void With_replicas_the_web_app_calls_every_replica_and_runs_once_itself()
    {
        var replicated = Options with { Replicas = 2, Services = MeshTopology.All };

        Assert.AreEqual("http://127.0.0.1:7002,http://127.0.0.1:7012", replicated.EnvironmentFor(MeshTopology.Web)["Services__Orders"]);
        Assert.AreEqual("http://127.0.0.1:7003,http://127.0.0.1:7013", replicated.EnvironmentFor(MeshTopology.Web)["Services__Notifications"]);
        Assert.AreEqual("http://127.0.0.1:7001", replicated.EnvironmentFor(MeshTopology.Web)["Services__Users"]);
        Assert.HasCount(1, replicated.Addresses(MeshTopology.Web));
    }

    [TestMethod]
    public void A_further_replicas_port_can_be_given_as_tests_give_free_ones()
    {
        var replicated = Options with { Replicas = 3, ReplicaPort = (service, replica) => 9000 + service.PortOffset * 10 + replica };

        CollectionAssert.AreEqual(new[] { 7002, 9022, 9023 }, replicated.Addresses(MeshTopology.Orders).Select(a => a.Port).ToArray());
    }

    [TestMethod]
    public void A_service_dll_is_found_under_services_in_the_configuration_asked_for()
    {
        Assert.AreEqual("/repo/services/Shop.Orders/bin/Debug/net10.0/Shop.Orders.dll", MeshTopology.Orders.Dll("/repo", "Debug"));
    }
}
