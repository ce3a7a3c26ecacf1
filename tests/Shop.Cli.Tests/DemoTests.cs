using Google.Protobuf.WellKnownTypes;

namespace Shop.Cli.Tests;

/// <summary>The demo's flow phase (the Demo target's first act) against the mesh, read back from its JSON.</summary>
[TestClass]
public sealed class DemoTests : CliTest
{
    [TestMethod]
    public async Task The_flow_phase_passes_every_step()
    {
        var result = await NewClient().JsonAsync<Struct>("demo", "--phase", "flow");

        var steps = result.Fields["steps"].ListValue.Values.Select(v => v.StructValue).ToList();
        Assert.AreEqual(10, steps.Count, result.ToString());
        Assert.IsTrue(steps.All(s => s.Fields["ok"].BoolValue), result.ToString());
        Assert.AreEqual("admin fulfils", steps[7].Fields["step"].StringValue, result.ToString());
        StringAssert.Contains(steps.Single(s => s.Fields["step"].StringValue == "notification for the paid order").Fields["result"].StringValue, "order_processed");
    }
}
