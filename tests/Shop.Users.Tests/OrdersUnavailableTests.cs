using System.Diagnostics;
using Grpc.Core;
using Shop.Testing;
using Shop.Users.V1;

namespace Shop.Users.Tests;

/// <summary>ListUserOrders and DeleteUser while nothing listens at the orders service's address.</summary>
[TestClass]
public sealed class OrdersDownTests : UsersTest
{
    protected override Task<UsersFixture> CreateFixtureAsync() =>
        UsersFixture.WithOrdersAtAsync(UnresponsiveServer.ClosedAddress(), new Dictionary<string, string?>());

    [TestMethod]
    public async Task ListUserOrders_is_unavailable_at_once()
    {
        var ada = await CreateUserAsync();
        var clock = Stopwatch.StartNew();

        var error = await FailsWith(StatusCode.Unavailable, async () => await Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = ada.UserId }));

        Assert.AreEqual("Order service unavailable", error.Status.Detail);
        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}, the deadline is 2 s");
    }

    [TestMethod]
    public async Task DeleteUser_is_unavailable_and_deletes_nothing()
    {
        var ada = await CreateUserAsync();

        var error = await FailsWith(StatusCode.Unavailable, async () => await Users.DeleteUserAsync(new DeleteUserRequest { UserId = ada.UserId }));

        Assert.AreEqual("Order service unavailable", error.Status.Detail);
        Assert.AreEqual(ada, (await Users.GetUserAsync(new GetUserRequest { UserId = ada.UserId })).User);
    }

    [TestMethod]
    public async Task Unknown_users_are_still_not_found_and_malformed_ids_invalid()
    {
        var unknown = new ListUserOrdersRequest { UserId = Guid.NewGuid().ToString() };
        await FailsWith(StatusCode.NotFound, async () => await Users.ListUserOrdersAsync(unknown));
        await FailsWith(StatusCode.NotFound, async () => await Users.DeleteUserAsync(new DeleteUserRequest { UserId = unknown.UserId }));
        await FailsWith(StatusCode.InvalidArgument, async () => await Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = "42" }));
    }
}

/// <summary>ListUserOrders while the orders service accepts connections but never answers.</summary>
[TestClass]
public sealed class OrdersHangingTests : UsersTest
{
    // Long enough that an open circuit's answer, well under half of it, cannot be mistaken for waiting
    // on orders even on a loaded CI machine.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    protected override Task<UsersFixture> CreateFixtureAsync()
    {
        var hanging = new UnresponsiveServer();
        return UsersFixture.WithOrdersAtAsync(hanging.Address, new Dictionary<string, string?>
        {
            ["OrderHistory:Deadline"] = Deadline.ToString("c"),
            ["OrderHistory:BreakerMinimumThroughput"] = "2",
            ["OrderHistory:BreakDuration"] = "00:01:00",
        }, hanging);
    }

    [TestMethod]
    public async Task ListUserOrders_is_unavailable_once_the_deadline_passes_and_at_once_when_the_circuit_has_opened()
    {
        // The calls that time out open the circuit, which users reports as an error.
        ServerLog.Current!.ExpectErrors(e => e.Message.Contains("OnCircuitOpened"));
        var ada = await CreateUserAsync();
        var request = new ListUserOrdersRequest { UserId = ada.UserId };

        for (var call = 1; call <= 2; call++)
        {
            var clock = Stopwatch.StartNew();
            var error = await FailsWith(StatusCode.Unavailable, async () => await Users.ListUserOrdersAsync(request));
            Assert.AreEqual("Order service unavailable", error.Status.Detail);
            Assert.IsTrue(clock.Elapsed >= Deadline - TimeSpan.FromMilliseconds(50) && clock.Elapsed < Deadline + TimeSpan.FromSeconds(2), $"call {call} took {clock.Elapsed}");
        }

        var fast = Stopwatch.StartNew();
        var open = await FailsWith(StatusCode.Unavailable, async () => await Users.ListUserOrdersAsync(request));
        Assert.AreEqual("Order service unavailable", open.Status.Detail);
        Assert.IsTrue(fast.Elapsed < Deadline / 2, $"took {fast.Elapsed}: the open circuit should fail the call without waiting for orders");
    }
}
