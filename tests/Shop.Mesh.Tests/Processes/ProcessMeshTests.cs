using System.Diagnostics;
using System.Text.RegularExpressions;
using Grpc.Core;
using Shop.Build.Mesh;
using Shop.Orders.V1;
using Shop.Testing;
using Shop.Users.V1;

namespace Shop.Mesh.Tests.Processes;

/// <summary>
/// The mesh as separate processes: the seed's resilience scenarios (a service stops, the others cope,
/// it returns, all is well), trace context across processes, and the containers' health probe.
/// </summary>
[TestClass]
public sealed class ProcessMeshTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private ProcessMesh mesh = null!;

    [TestInitialize]
    public async Task StartMesh() => mesh = await ClassFixtures<ProcessMesh>.ForAsync(GetType(), FaultTestMesh.StartAsync);

    [ClassCleanup]
    public static Task StopMesh() => ClassFixtures<ProcessMesh>.DisposeAsync(typeof(ProcessMeshTests));

    [TestMethod]
    public async Task ListUserOrders_is_unavailable_within_the_deadline_while_orders_is_stopped_and_recovers_after_restart()
    {
        var calls = mesh.Calls;
        var userId = await calls.CreateUserAsync("resilient@example.com");
        var order = await calls.PlaceOrderAsync(userId, await calls.CreateProductAsync(), 1);

        mesh.Kill("orders");
        try
        {
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsExactlyAsync<RpcException>(async () =>
                await calls.Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = userId }));
            clock.Stop();
            Assert.AreEqual(StatusCode.Unavailable, error.StatusCode, error.Status.Detail);
            Assert.AreEqual("Order service unavailable", error.Status.Detail);
            // The users service's deadline for orders is 2 s: the rest is slack for a loaded machine, still a
            // bound that a call waiting on the stopped orders service (this one has no deadline) would miss.
            Assert.IsLessThan(TimeSpan.FromSeconds(5), clock.Elapsed, $"answered after {clock.Elapsed}");
        }
        finally
        {
            await mesh.RestartAsync("orders");
        }

        // The users service's circuit breaker may still be open right after the restart: it closes by itself.
        var listed = await MeshCalls.UntilAvailableAsync(
            () => calls.Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = userId }).ResponseAsync, Bound);
        Assert.AreEqual(order.OrderId, listed.Orders.Single().OrderId);
    }

    [TestMethod]
    public async Task Notifications_stopped_and_orders_restarted_mid_delivery_lose_nothing_and_duplicate_nothing()
    {
        var calls = mesh.Calls;
        var userId = await calls.CreateUserAsync("patient@example.com");
        var product = await calls.CreateProductAsync("20.00", 10);

        mesh.Kill("notifications");
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var order = await calls.PayAsync(await calls.PlaceOrderAsync(userId, product, 1));
                Assert.AreEqual(OrderStatus.Fulfilled, (await calls.FulfilAsync(order)).Status);
            }
            Assert.AreEqual(6L, await mesh.UndeliveredAsync(userId), "the events wait in the outbox");

            // Orders goes down too, with its deliveries pending.
            mesh.Kill("orders");
        }
        finally
        {
            await mesh.RestartAsync("notifications");
            await mesh.RestartAsync("orders");
        }

        var notifications = await calls.WaitForNotificationsAsync(userId, 6, Bound);
        Assert.HasCount(6, notifications);
        Assert.AreEqual(6, notifications.Select(n => n.EventId).Distinct().Count());
        CollectionAssert.AreEqual(
            new[] { "order_placed", "order_processed", "order_fulfilled" },
            notifications.GroupBy(n => n.OrderId).Select(g => string.Join(",", g.Select(n => n.Type))).Distinct().Single().Split(','));
        await mesh.AssertAllDeliveredAsync(userId);
    }

    [TestMethod]
    public async Task A_callers_trace_reaches_notifications_through_the_outbox()
    {
        var calls = mesh.Calls;
        var userId = await calls.CreateUserAsync("traced@example.com");
        var order = await calls.PlaceOrderAsync(userId, await calls.CreateProductAsync(), 1);
        var traceId = ActivityTraceId.CreateRandom();

        await calls.Orders.PayOrderAsync(
            new PayOrderRequest { OrderId = order.OrderId, Method = PaymentMethod.Card, Amount = order.Total, IdempotencyKey = "traced" },
            new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01" } });
        await calls.WaitForNotificationsAsync(userId, 2, Bound);

        // Notifications logs the start of every request with its trace id (see ProcessMesh).
        var delivery = new Regex($@"TraceId:{traceId} => ConnectionId:\S+ => RequestPath:/shop\.notifications\.v1\.NotificationService/DeliverOrderEvent");
        var log = await Poll.UntilAsync(() => Task.FromResult(ReadShared(mesh.LogFile("notifications"))), delivery.IsMatch,
            TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));
        if (!delivery.IsMatch(log)) Assert.Fail($"No DeliverOrderEvent in trace {traceId} in {mesh.LogFile("notifications")}.");
    }

    [TestMethod]
    public async Task The_health_probe_mode_exits_zero_for_a_serving_service_and_one_for_a_stopped_one()
    {
        Assert.AreEqual(0, await ProbeAsync(mesh.Address("notifications")));

        mesh.Kill("notifications");
        try
        {
            Assert.AreEqual(1, await ProbeAsync(mesh.Address("notifications")));
        }
        finally
        {
            await mesh.RestartAsync("notifications");
        }
    }

    // As docker-compose.yml's health checks run it.
    private static async Task<int> ProbeAsync(Uri address)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { ServiceProcess.BuiltDll("services", MeshTopology.Notifications.Project), "--health-probe", address.ToString() })
        {
            start.ArgumentList.Add(argument);
        }
        using var probe = Process.Start(start)!;
        var output = probe.StandardOutput.ReadToEndAsync();
        var errors = probe.StandardError.ReadToEndAsync();
        await probe.WaitForExitAsync();
        var said = (await output) + (await errors);
        StringAssert.Contains(said, address.ToString().TrimEnd('/'), said);
        return probe.ExitCode;
    }

    private static string ReadShared(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }
}
