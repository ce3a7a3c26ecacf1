using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Shop.Build.Mesh;
using Shop.Testing;

[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]

namespace Shop.Mesh.Tests;

/// <summary>Base of the in-process mesh tests: the class's own three hosts, emptied before each test.</summary>
public abstract class MeshTest
{
    protected InProcessMesh Mesh { get; private set; } = null!;

    protected MeshCalls Calls => Mesh.Calls;

    /// <summary>Makes the notifications host reject one order's or user's events.</summary>
    protected NotificationsGate NotificationsGate => Mesh.Notifications.Services.GetRequiredService<NotificationsGate>();

    /// <summary>Watches the outbox's deliveries notifications takes.</summary>
    protected DeliveryWatch DeliveryWatch => Mesh.Notifications.Services.GetRequiredService<DeliveryWatch>();

    /// <summary>Orders' Outbox:MaxConcurrentDeliveries in these meshes.</summary>
    protected const int MaxConcurrentDeliveries = 8;

    /// <summary>Generous for a busy two-core machine; the usual delivery takes milliseconds.</summary>
    protected static readonly TimeSpan DeliveryBound = TimeSpan.FromSeconds(20);

    [TestInitialize]
    public async Task StartFromEmptyDatabases()
    {
        Mesh = await ClassFixtures<InProcessMesh>.ForAsync(GetType(), StartMeshAsync);
        await Mesh.ResetAsync();
    }

    /// <summary>The in-process mesh with what these tests add: many logins from one address (the access matrix),
    /// rejected events retried within a second, at most <see cref="MaxConcurrentDeliveries"/> deliveries at once, and the
    /// <see cref="NotificationsGate"/> and <see cref="DeliveryWatch"/>.</summary>
    internal static Task<InProcessMesh> StartMeshAsync() => InProcessMesh.StartAsync(
        service => service == MeshTopology.Users ? new Dictionary<string, string?> { ["Auth:LoginAttemptsPerAddress"] = "1000" }
            : service == MeshTopology.Orders ? new Dictionary<string, string?>
            {
                ["Outbox:RejectedRetryMax"] = "00:00:01",
                ["Outbox:MaxConcurrentDeliveries"] = MaxConcurrentDeliveries.ToString(CultureInfo.InvariantCulture),
            }
            : new Dictionary<string, string?>(),
        (service, services) =>
        {
            if (service != MeshTopology.Notifications) return;
            NotificationsGate.AddTo(services);
            DeliveryWatch.AddTo(services);
        });
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
