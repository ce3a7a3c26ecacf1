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
    public void Run_listens_on_5101_to_5103_and_Bench_100_above_unless_the_port_base_moves()
    {
        CollectionAssert.AreEqual(new[] { 5101, 5102, 5103 }, MeshTopology.Services.Select(s => s.Port(MeshTopology.DefaultPortBase)).ToArray());
        CollectionAssert.AreEqual(new[] { 5201, 5202, 5203 }, MeshTopology.Services.Select(s => s.Port(MeshTopology.BenchPortBase(MeshTopology.DefaultPortBase))).ToArray());
        CollectionAssert.AreEqual(new[] { 6001, 6002, 6003 }, MeshTopology.Services.Select(s => s.Port(6000)).ToArray());
    }

    [TestMethod]
    public void Services_have_distinct_names_ports_databases_and_settings()
    {
        foreach (var property in new Func<MeshService, object>[] { s => s.Name, s => s.PortOffset, s => s.Database, s => s.ConnectionStringKey, s => s.AddressKey })
        {
            Assert.HasCount(MeshTopology.Services.Count, MeshTopology.Services.Select(property).Distinct());
        }
    }

    [TestMethod]
    public void Every_call_is_between_two_services_of_the_mesh()
    {
        foreach (var call in MeshTopology.Calls)
        {
            CollectionAssert.Contains(MeshTopology.Services.ToList(), call.Caller);
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
    public void An_unknown_service_name_is_refused_with_the_name()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => MeshTopology.Service("mailer"));

        StringAssert.Contains(error.Message, "'mailer'");
    }
}
