using Shop.Testing;

[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]

namespace Shop.Mesh.Tests;

/// <summary>Base of the in-process mesh tests: the class's own three hosts, emptied before each test.</summary>
public abstract class MeshTest
{
    protected InProcessMesh Mesh { get; private set; } = null!;

    protected MeshCalls Calls => Mesh.Calls;

    /// <summary>Generous for a busy two-core machine; the usual delivery takes milliseconds.</summary>
    protected static readonly TimeSpan DeliveryBound = TimeSpan.FromSeconds(20);

    [TestInitialize]
    public async Task StartFromEmptyDatabases()
    {
        Mesh = await ClassFixtures<InProcessMesh>.ForAsync(GetType(), InProcessMesh.StartAsync);
        await Mesh.ResetAsync();
    }
}

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static async Task DisposeHosts()
    {
        await ClassFixtures<InProcessMesh>.DisposeAllAsync();
        await ClassFixtures<Access.ClockedOrders>.DisposeAllAsync();
    }

    /// <summary>A server error fails the test that caused it: see <see cref="ServerLog"/>.</summary>
    [GlobalTestInitialize]
    public static void CollectServerLogs(TestContext test) => ServerLog.BeginTest(test);

    [GlobalTestCleanup]
    public static void FailOnUnexpectedServerErrors(TestContext test) => ServerLog.EndTest(test);
}
