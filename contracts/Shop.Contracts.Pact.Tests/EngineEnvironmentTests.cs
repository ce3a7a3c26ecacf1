namespace Shop.Contracts.Pact.Tests;

[TestClass]
public sealed class EngineEnvironmentTests
{
    [TestMethod]
    public void Test_runs_disable_the_engines_usage_tracking()
    {
        // Set by contracts/pact.runsettings in the real process environment, where native code reads it.
        Assert.AreEqual("true", Environment.GetEnvironmentVariable("PACT_DO_NOT_TRACK"));
    }
}
