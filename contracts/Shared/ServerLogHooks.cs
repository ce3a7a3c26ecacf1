using Shop.Testing;

namespace Shop.Contracts.Testing;

/// <summary>A provider's server error fails the test that caused it, even when verification passed: see <see cref="ServerLog"/>.</summary>
[TestClass]
public static class ServerLogHooks
{
    [GlobalTestInitialize]
    public static void CollectServerLogs(TestContext test) => ServerLog.BeginTest(test);

    [GlobalTestCleanup]
    public static void FailOnUnexpectedServerErrors(TestContext test) => ServerLog.EndTest(test);
}
