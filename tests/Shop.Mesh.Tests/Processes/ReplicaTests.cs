using System.Diagnostics;
using Grpc.Core;
using Shop.Testing;
using Shop.Testing.Meshes;
using Shop.Users.V1;

namespace Shop.Mesh.Tests.Processes;

/// <summary>
/// Two replicas each of orders and of notifications on their shared databases, as <c>./build.sh --target=Run
/// --replicas=2</c> starts them: users balances its calls over the orders replicas, and each orders replica its
/// deliveries over the notifications replicas; a replica that dies is left out, and is back once it restarts.
/// </summary>
[TestClass]
public sealed class ReplicaTests
{
    private const string ListOrders = "/shop.orders.v1.OrderService/ListOrders";
    private const string DeliverOrderEvent = "/shop.notifications.v1.NotificationService/DeliverOrderEvent";
    private const int Calls = 100;

    /// <summary>Round robin gives each of two replicas half; a quarter allows for retries and reconnects, and still fails all-on-one.</summary>
    private const int FairShare = Calls / 4;

    /// <summary>
    /// How long after a replica dies calls may still fail: its connection drops at once (on loopback, as on a
    /// node whose pod is killed), round robin leaves it out, and a call that was on it is retried on the other
    /// (ListOrders is retried on UNAVAILABLE). The rest is a loaded machine's slack.
    /// </summary>
    private static readonly TimeSpan SwitchOver = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private ProcessMesh mesh = null!;

    [TestInitialize]
    public async Task StartMesh() => mesh = await ClassFixtures<ProcessMesh>.ForAsync(GetType(), StartWarmAsync);

    [ClassCleanup]
    public static Task StopMesh() => ClassFixtures<ProcessMesh>.DisposeAsync(typeof(ReplicaTests));

    [TestMethod]
    public async Task Users_calls_spread_over_both_orders_replicas()
    {
        var userId = await mesh.Calls.CreateUserAsync("spread@example.com");
        var before = ServedBy("orders", ListOrders);

        for (var i = 0; i < Calls; i++) await ListUserOrdersAsync(userId);

        AssertFairShares(before, ServedBy("orders", ListOrders), "ListOrders");
    }

    [TestMethod]
    public async Task Deliveries_of_both_orders_replicas_spread_over_both_notifications_replicas_each_event_once()
    {
        var calls = mesh.Calls;
        var userId = await calls.CreateUserAsync("deliveries@example.com");
        var product = await calls.CreateProductAsync("1.00", Calls);
        var before = ServedBy("notifications", DeliverOrderEvent);

        // Placed and paid: two events each.
        for (var i = 0; i < Calls / 2; i++) await calls.PayAsync(await calls.PlaceOrderAsync(userId, product, 1));

        var notifications = await calls.WaitForNotificationsAsync(userId, Calls, Bound);
        Assert.HasCount(Calls, notifications.Select(n => n.EventId).Distinct());
        await mesh.AssertAllDeliveredAsync(userId);
        AssertFairShares(before, ServedBy("notifications", DeliverOrderEvent), "DeliverOrderEvent");
    }

    [TestMethod]
    public async Task With_one_orders_replica_killed_calls_succeed_through_the_other_and_the_restarted_one_rejoins()
    {
        var userId = await mesh.Calls.CreateUserAsync("switch-over@example.com");
        await mesh.Calls.PlaceOrderAsync(userId, await mesh.Calls.CreateProductAsync(), 1);

        mesh.Kill("orders", replica: 2);
        try
        {
            var clock = Stopwatch.StartNew();
            var failures = new List<(TimeSpan At, string What)>();
            var inARow = 0;
            while (inARow < Calls && clock.Elapsed < Bound)
            {
                try
                {
                    Assert.HasCount(1, (await ListUserOrdersAsync(userId)).Orders);
                    inARow++;
                }
                catch (RpcException e)
                {
                    failures.Add((clock.Elapsed, $"{e.StatusCode} '{e.Status.Detail}' at {clock.Elapsed.TotalSeconds:0.00} s"));
                    inARow = 0;
                }
            }
            var said = string.Join("; ", failures.Select(f => f.What));
            Assert.AreEqual(Calls, inARow, $"calls still failing {Bound.TotalSeconds} s after the kill: {said}");
            // After the switch-over no call failed, so neither did the circuit breaker open.
            Assert.IsTrue(failures.All(f => f.At < SwitchOver), $"failures after the {SwitchOver.TotalSeconds} s switch-over: {said}");
        }
        finally
        {
            await mesh.RestartAsync("orders", replica: 2);
        }

        // Back in rotation once its connection is made again (NeighbourClientExtensions.MaxReconnectBackoff apart at most).
        // Its first calls meet a cold process, which on a loaded machine can outlast users' 2 s deadline: asked again.
        var rejoined = await Poll.UntilAsync(async () =>
        {
            var served = mesh.Served("orders", 2, ListOrders);
            for (var i = 0; i < 10; i++) await MeshCalls.UntilAvailableAsync(() => ListUserOrdersAsync(userId), Bound);
            return mesh.Served("orders", 2, ListOrders) > served;
        }, back => back, TimeSpan.FromSeconds(10));
        Assert.IsTrue(rejoined, "the restarted replica got no calls within 10 s");
        var before = ServedBy("orders", ListOrders);
        for (var i = 0; i < Calls; i++) await ListUserOrdersAsync(userId);
        AssertFairShares(before, ServedBy("orders", ListOrders), "ListOrders after the restart");
    }

    [TestMethod]
    public async Task With_a_replica_of_each_killed_mid_burst_the_outbox_delivers_every_event_exactly_once()
    {
        var calls = mesh.Calls;
        var userId = await calls.CreateUserAsync("burst@example.com");
        var product = await calls.CreateProductAsync("1.00", 40);

        try
        {
            for (var i = 0; i < 20; i++)
            {
                if (i == 5) mesh.Kill("notifications", replica: 2);
                if (i == 10) mesh.Kill("orders", replica: 2);
                await calls.PayAsync(await calls.PlaceOrderAsync(userId, product, 1));
            }
        }
        finally
        {
            await mesh.RestartAsync("notifications", replica: 2);
            await mesh.RestartAsync("orders", replica: 2);
        }

        var notifications = await calls.WaitForNotificationsAsync(userId, 40, Bound);
        Assert.HasCount(40, notifications);
        Assert.HasCount(40, notifications.Select(n => n.EventId).Distinct());
        await mesh.AssertAllDeliveredAsync(userId);
    }

    /// <summary>
    /// The mesh, each path the tests measure taken once while it may still be slow (first connections, code not
    /// yet compiled): on a loaded machine a cold first call can outlast the services' 2 s deadlines, which
    /// says nothing about balancing.
    /// </summary>
    private static async Task<ProcessMesh> StartWarmAsync()
    {
        var mesh = await FaultTestMesh.StartAsync(replicas: 2);
        try
        {
            var calls = mesh.Calls;
            var userId = await calls.CreateUserAsync("warm-up@example.com");
            var product = await calls.CreateProductAsync("1.00", 10);
            for (var i = 0; i < 4; i++)
            {
                var order = await MeshCalls.UntilAvailableAsync(() => calls.PlaceOrderAsync(userId, product, 1), Bound);
                await MeshCalls.UntilAvailableAsync(() => calls.PayAsync(order), Bound);
                await MeshCalls.UntilAvailableAsync(() => calls.Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = userId }).ResponseAsync, Bound);
            }
            await calls.WaitForNotificationsAsync(userId, 8, Bound);
            return mesh;
        }
        catch
        {
            await mesh.DisposeAsync();
            throw;
        }
    }

    private Task<ListUserOrdersResponse> ListUserOrdersAsync(string userId) =>
        mesh.Calls.Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = userId }).ResponseAsync;

    private int[] ServedBy(string service, string rpc) => [mesh.Served(service, 1, rpc), mesh.Served(service, 2, rpc)];

    private static void AssertFairShares(int[] before, int[] after, string what)
    {
        var shares = after.Zip(before, (a, b) => a - b).ToArray();
        Assert.IsTrue(shares.All(s => s >= FairShare), $"{what} per replica: {string.Join(" / ", shares)} (each at least {FairShare} of {Calls})");
    }
}
