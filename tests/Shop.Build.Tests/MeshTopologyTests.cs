using Shop.Build.Mesh;

namespace Shop.Build.Tests;

[TestClass]
public sealed class MeshTopologyTests
{
    [TestMethod]
    public void Settings_give_a_service_its_database_and_the_address_of_every_service_it_calls_and_nothing_else()
    {
        var settings = MeshTopology.Settings(MeshTopology.Orders, "Host=db;Database=orders_db", callee => new Uri($"http://{callee.Name}.example:81/"));

        CollectionAssert.AreEquivalent(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Orders"] = "Host=db;Database=orders_db",
            ["Services:Users"] = "http://users.example:81",
            ["Services:Notifications"] = "http://notifications.example:81",
        }, settings);
    }

    [TestMethod]
    public void Settings_given_on_top_win_over_the_wiring()
    {
        var settings = MeshTopology.Settings(MeshTopology.Users, "Host=db", callee => new Uri($"http://{callee.Name}"),
            new Dictionary<string, string?> { ["Services:Orders"] = "http://elsewhere", ["Auth:PasswordHashIterations"] = "1000" });

        Assert.AreEqual("http://elsewhere", settings["Services:Orders"]);
        Assert.AreEqual("1000", settings["Auth:PasswordHashIterations"]);
    }

    [TestMethod]
    public void The_web_app_gets_the_address_of_every_service_and_no_database()
    {
        var settings = MeshTopology.Settings(MeshTopology.Web, null, callee => new Uri($"http://{callee.Name}.example:81/"));

        CollectionAssert.AreEquivalent(new Dictionary<string, string?>
        {
            ["Services:Users"] = "http://users.example:81",
            ["Services:Orders"] = "http://orders.example:81",
            ["Services:Notifications"] = "http://notifications.example:81",
        }, settings);
        Assert.IsFalse(MeshTopology.Web.HasDatabase);
        Assert.ThrowsExactly<InvalidOperationException>(() => MeshTopology.Web.Database);
    }

    [TestMethod]
    public void A_service_with_a_database_is_not_wired_without_its_connection_string()
    {
        var error = Assert.ThrowsExactly<ArgumentNullException>(() => MeshTopology.Settings(MeshTopology.Users, null, callee => new Uri($"http://{callee.Name}")));

        StringAssert.Contains(error.Message, "users needs its database's connection string");
    }

    [TestMethod]
    public void Run_listens_on_5100_for_the_web_and_5101_to_5103_for_the_services_and_Bench_100_above_unless_the_port_base_moves()
    {
        Assert.AreEqual(5100, MeshTopology.Web.Port(MeshTopology.DefaultPortBase));
        CollectionAssert.AreEqual(new[] { 5101, 5102, 5103 }, MeshTopology.Services.Select(s => s.Port(MeshTopology.DefaultPortBase)).ToArray());
        CollectionAssert.AreEqual(new[] { 5201, 5202, 5203 }, MeshTopology.Services.Select(s => s.Port(MeshTopology.BenchPortBase(MeshTopology.DefaultPortBase))).ToArray());
        CollectionAssert.AreEqual(new[] { 6001, 6002, 6003 }, MeshTopology.Services.Select(s => s.Port(6000)).ToArray());
    }

    [TestMethod]
    public void Replicas_listen_ten_ports_apart_and_the_most_Run_starts_stay_below_Benchs_ports()
    {
        CollectionAssert.AreEqual(new[] { 5102, 5112, 5122 }, new[] { 1, 2, 3 }.Select(r => MeshTopology.Orders.Port(MeshTopology.DefaultPortBase, r)).ToArray());
        var highest = MeshTopology.All.Max(s => s.Port(MeshTopology.DefaultPortBase, MeshTopology.MaxReplicas));
        Assert.IsLessThan(MeshTopology.All.Min(s => s.Port(MeshTopology.BenchPortBase(MeshTopology.DefaultPortBase))), highest);
    }

    [TestMethod]
    public void Orders_and_notifications_scale_out_and_users_and_the_web_app_do_not()
    {
        CollectionAssert.AreEqual(new[] { "orders", "notifications" }, MeshTopology.All.Where(s => s.ScalesOut).Select(s => s.Name).ToArray());
    }

    [TestMethod]
    public void A_part_without_a_database_cannot_scale_out()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new MeshService("cache", "Shop.Cache", portOffset: 9, "Services:Cache", scalesOut: true));
    }

    [TestMethod]
    public void Services_and_the_web_app_have_distinct_names_ports_databases_and_settings()
    {
        foreach (var property in new Func<MeshService, object>[] { s => s.Name, s => s.PortOffset, s => s.AddressKey })
        {
            Assert.HasCount(MeshTopology.All.Count, MeshTopology.All.Select(property).Distinct());
        }
        foreach (var property in new Func<MeshService, object>[] { s => s.Database, s => s.ConnectionStringKey })
        {
            Assert.HasCount(MeshTopology.Services.Count, MeshTopology.Services.Select(property).Distinct());
        }
        Assert.IsTrue(MeshTopology.Services.All(s => s.HasDatabase), "every gRPC service keeps its data in a database of its own");
    }

    [TestMethod]
    public void Every_call_is_between_two_parts_of_the_mesh_and_nothing_calls_the_web_app()
    {
        foreach (var call in MeshTopology.Calls)
        {
            CollectionAssert.Contains(MeshTopology.All.ToList(), call.Caller);
            CollectionAssert.Contains(MeshTopology.Services.ToList(), call.Callee);
            Assert.AreNotEqual(call.Caller, call.Callee);
        }
    }

    [TestMethod]
    public void A_process_reads_a_setting_from_the_variable_with_double_underscores()
    {
        CollectionAssert.AreEquivalent(
            new Dictionary<string, string?> { ["Services__Users"] = "http://users", ["ConnectionStrings__Orders"] = "Host=db" },
            MeshTopology.AsEnvironment(new Dictionary<string, string?> { ["Services:Users"] = "http://users", ["ConnectionStrings:Orders"] = "Host=db" }));
    }

    [TestMethod]
    public void The_web_app_is_found_by_name_and_started_last_by_Run()
    {
        Assert.AreEqual(MeshTopology.Web, MeshTopology.Service("web"));
        Assert.AreEqual(MeshTopology.Web, MeshTopology.All[^1]);
        CollectionAssert.DoesNotContain(MeshTopology.Services.ToList(), MeshTopology.Web);
    }

    [TestMethod]
    public void An_unknown_service_name_is_refused_with_the_name()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => MeshTopology.Service("mailer"));

        StringAssert.Contains(error.Message, "'mailer'");
    }
}
