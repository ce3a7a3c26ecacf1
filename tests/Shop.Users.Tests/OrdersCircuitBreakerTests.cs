using Grpc.Core;
using Shop.Testing;
using Shop.Users.V1;

namespace Shop.Users.Tests;

/// <summary>The circuit breaker in front of the in-process orders service, whose line the test cuts and restores.</summary>
[TestClass]
public sealed class OrdersCircuitBreakerTests : UsersTest
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(2);
    private static readonly OrdersLink Link = new();

    protected override Task<UsersFixture> CreateFixtureAsync() => UsersFixture.WithOrdersAsync(new Dictionary<string, string?>
    {
        ["OrderHistory:BreakerMinimumThroughput"] = "3",
        ["OrderHistory:BreakDuration"] = BreakDuration.ToString("c"),
    }, Link.Wrap);

    [TestMethod]
    public async Task After_three_outages_calls_fail_without_reaching_orders_until_the_break_is_over_then_succeed()
    {
        // The staged outages open the circuit, which users reports as an error.
        ServerLog.Current!.ExpectErrors(e => e.Message.Contains("OnCircuitOpened"));
        var ada = await CreateUserAsync();
        var order = await PlaceOrderAsync(ada, await CreateProductAsync());
        var request = new ListUserOrdersRequest { UserId = ada.UserId };

        Link.Refuse();
        for (var call = 0; call < 3; call++)
        {
            await FailsUnavailable(async () => await Users.ListUserOrdersAsync(request));
        }
        var tried = Link.Requests;

        Link.Restore();
        await FailsUnavailable(async () => await Users.ListUserOrdersAsync(request));
        await FailsUnavailable(async () => await Users.DeleteUserAsync(new DeleteUserRequest { UserId = ada.UserId }));
        Assert.AreEqual(tried, Link.Requests, "no call reaches orders while the circuit is open");
        Assert.AreEqual(ada, (await Users.GetUserAsync(new GetUserRequest { UserId = ada.UserId })).User);

        await Task.Delay(BreakDuration + TimeSpan.FromMilliseconds(200));
        var orders = await Users.ListUserOrdersAsync(request);
        Assert.AreEqual(order.OrderId, orders.Orders.Single().OrderId);
        var closing = ServerLog.Current.Entries.Where(e => e.Message.Contains("OnCircuitClosed") || e.Message.Contains("circuit breaker closed")).ToList();
        Assert.AreEqual("Orders circuit breaker closed: orders answers again", closing.Single().Message, "closing is one short line, not Polly's event with the last response");
    }

    private static async Task FailsUnavailable(Func<Task> call)
    {
        var error = await FailsWith(StatusCode.Unavailable, call);
        Assert.AreEqual("Order service unavailable", error.Status.Detail);
    }
}

/// <summary>What users makes of orders refusing a connection once, or answering with an error.</summary>
[TestClass]
public sealed class OrdersRefusalTests : UsersTest
{
    private static readonly OrdersLink Link = new();

    protected override Task<UsersFixture> CreateFixtureAsync() => UsersFixture.WithOrdersAsync(new Dictionary<string, string?>
    {
        ["OrderHistory:BreakerMinimumThroughput"] = "2",
        ["OrderHistory:BreakDuration"] = "00:01:00",
    }, Link.Wrap);

    [TestInitialize]
    public void RestoreTheLink() => Link.Restore();

    [TestMethod]
    public async Task A_refused_connection_is_retried_and_the_call_succeeds()
    {
        var ada = await CreateUserAsync();
        var before = Link.Requests;
        Link.RefuseNext(1);

        var orders = await Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = ada.UserId });

        Assert.AreEqual(0, orders.Orders.Count);
        Assert.AreEqual(before + 2, Link.Requests, "one refused attempt, one that got through");
    }

    [TestMethod]
    public async Task An_error_from_orders_is_unavailable_not_internal_and_leaves_the_circuit_closed()
    {
        // Users reports each refusal it stages as an error: a caller's request orders should not refuse.
        ServerLog.Current!.ExpectErrors(e => e.Message.Contains("was refused by orders"));
        var ada = await CreateUserAsync();
        Link.Answer(new Status(StatusCode.InvalidArgument, "user_id: not what orders expected"));

        for (var call = 0; call < 3; call++)
        {
            var error = await FailsWith(StatusCode.Unavailable, async () => await Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = ada.UserId }));
            Assert.AreEqual("Order service unavailable", error.Status.Detail);
        }
        await FailsWith(StatusCode.Unavailable, async () => await Users.DeleteUserAsync(new DeleteUserRequest { UserId = ada.UserId }));
        Assert.AreEqual(ada, (await Users.GetUserAsync(new GetUserRequest { UserId = ada.UserId })).User);

        Link.Restore();
        var orders = await Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = ada.UserId });
        Assert.AreEqual(0, orders.Orders.Count);
    }
}

/// <summary>
/// Calls whose callers give up before users' own deadline for orders: they cancel, or their deadline is
/// sooner (and call context propagation passes it on). Orders being slow then is no outage of orders.
/// </summary>
[TestClass]
public sealed class OrdersCallerGivesUpTests : UsersTest
{
    private static readonly OrdersLink Link = new();
    private static readonly TimeSpan CallersPatience = TimeSpan.FromMilliseconds(500);

    protected override Task<UsersFixture> CreateFixtureAsync() => UsersFixture.WithOrdersAsync(new Dictionary<string, string?>
    {
        ["OrderHistory:Deadline"] = "00:00:10",
        ["OrderHistory:BreakerMinimumThroughput"] = "2",
        ["OrderHistory:BreakDuration"] = "00:01:00",
    }, Link.Wrap);

    [TestInitialize]
    public void RestoreTheLink() => Link.Restore();

    [TestMethod]
    public async Task Calls_past_the_callers_own_shorter_deadline_do_not_open_the_circuit()
    {
        // DEADLINE_EXCEEDED, unless the test server's reset of the stream at the deadline reaches the client first
        // (INTERNAL, or CANCELLED when the client sees the reset as its call being cancelled).
        await CallersGiveUpThenOrdersAnswers([StatusCode.DeadlineExceeded, StatusCode.Internal, StatusCode.Cancelled], request =>
            Users.ListUserOrdersAsync(request, deadline: DateTime.UtcNow + CallersPatience).ResponseAsync);
    }

    [TestMethod]
    public async Task Calls_the_caller_cancels_do_not_open_the_circuit()
    {
        await CallersGiveUpThenOrdersAnswers([StatusCode.Cancelled], async request =>
        {
            using var patience = new CancellationTokenSource(CallersPatience);
            return await Users.ListUserOrdersAsync(request, cancellationToken: patience.Token);
        });
    }

    private async Task CallersGiveUpThenOrdersAnswers(StatusCode[] callersSee, Func<ListUserOrdersRequest, Task<ListUserOrdersResponse>> impatientCall)
    {
        var ada = await CreateUserAsync();
        var order = await PlaceOrderAsync(ada, await CreateProductAsync());
        var request = new ListUserOrdersRequest { UserId = ada.UserId };
        var before = Link.Requests;

        Link.Hang();
        for (var call = 0; call < 3; call++)
        {
            var error = await Assert.ThrowsExactlyAsync<RpcException>(async () => await impatientCall(request));
            CollectionAssert.Contains(callersSee, error.StatusCode, error.Status.Detail);
        }
        Assert.IsGreaterThanOrEqualTo(before + 2, Link.Requests, "enough calls reached orders to open the circuit, had they counted");

        Link.Restore();
        var orders = await Users.ListUserOrdersAsync(request);
        Assert.AreEqual(order.OrderId, orders.Orders.Single().OrderId, "the circuit is still closed");
    }
}
