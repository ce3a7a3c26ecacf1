using Google.Protobuf;
using Shop.Benchmarks.Data;
using Shop.Benchmarks.V1;
using Shop.Common.V1;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Users.V1;

namespace Shop.Benchmarks.Load;

/// <summary>
/// The calls the benchmarks make, on the seeded rows, each with a deadline so a stuck call is an error, and
/// with the credentials a real client would send: a user's own token for their own data, an admin's for fulfilment.
/// </summary>
internal sealed class MeshOperations(MeshClients mesh, SeedSizes sizes, Sessions sessions)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly Money SeededPrice = new() { CurrencyCode = "EUR", Units = 9, Nanos = 990_000_000 };

    private readonly string[] products = Ids(BenchIds.Product, sizes.Products);
    private long paidOrders;
    private EchoRequest echo = new();

    /// <summary>The echo request: after <see cref="SizeEchoLikeGetUserAsync"/>, a payload as large as a GetUser response.</summary>
    public EchoRequest EchoRequest => echo;

    /// <summary>Makes the echo payload as large as a GetUser response, measured on a real one.</summary>
    public async Task<int> SizeEchoLikeGetUserAsync()
    {
        var (userId, headers) = sessions.User(0);
        var response = await mesh.Users(0).GetUserAsync(new GetUserRequest { UserId = userId }, headers, DateTime.UtcNow + Deadline);
        var size = response.CalculateSize();
        echo = new EchoRequest { Payload = ByteString.CopyFrom(new byte[size]) };
        return size;
    }

    public async Task Echo(int worker) =>
        await mesh.Echo(worker).EchoAsync(echo, deadline: DateTime.UtcNow + Deadline);

    /// <summary>A signed-in user reads their own account.</summary>
    public async Task GetUser(int worker)
    {
        var (userId, headers) = sessions.PickUser();
        await mesh.Users(worker).GetUserAsync(new GetUserRequest { UserId = userId }, headers, DateTime.UtcNow + Deadline);
    }

    public async Task PlaceOrder(int worker)
    {
        var (userId, headers) = sessions.PickUser();
        await mesh.Orders(worker).PlaceOrderAsync(NewOrder(userId), headers, DateTime.UtcNow + Deadline);
    }

    /// <summary>Pays the next seeded pending order (each once).</summary>
    public async Task PayOrder(int worker)
    {
        var n = Interlocked.Increment(ref paidOrders);
        if (n > sizes.ServicePendingOrders) throw new InvalidOperationException("the seeded pending orders are used up");
        var orderId = BenchIds.Of(BenchIds.ServicePendingOrder, n).ToString();
        // The seeded orders belong to many users: paid here as an admin (owner or admin may pay).
        await mesh.Orders(worker).PayOrderAsync(Payment(orderId, SeededPrice), sessions.Admin(), DateTime.UtcNow + Deadline);
    }

    /// <summary>Place, pay, fulfil: one flow, timed as a whole.</summary>
    public async Task OrderFlow(int worker)
    {
        var orders = mesh.Orders(worker);
        var (userId, headers) = sessions.PickUser();
        var placed = (await orders.PlaceOrderAsync(NewOrder(userId), headers, DateTime.UtcNow + Deadline)).Order;
        await orders.PayOrderAsync(Payment(placed.OrderId, placed.Total), headers, DateTime.UtcNow + Deadline);
        await orders.FulfillOrderAsync(new FulfillOrderRequest { OrderId = placed.OrderId }, sessions.Admin(), DateTime.UtcNow + Deadline);
    }

    /// <summary>A notified user reads their own notifications.</summary>
    public async Task ListNotifications(int worker)
    {
        var (userId, headers) = sessions.User(Random.Shared.Next(Math.Min(sizes.NotifiedUsers, Sessions.Count)));
        await mesh.Notifications(worker).ListNotificationsAsync(new ListNotificationsRequest { UserId = userId }, headers, DateTime.UtcNow + Deadline);
    }

    private PlaceOrderRequest NewOrder(string userId) => new()
    {
        UserId = userId,
        Items = { new PlaceOrderItem { ProductId = Pick(products), Quantity = 1 } },
    };

    private static PayOrderRequest Payment(string orderId, Money amount) => new()
    {
        OrderId = orderId,
        Method = PaymentMethod.Card,
        Amount = amount,
        IdempotencyKey = orderId,
    };

    private static string Pick(string[] ids) => ids[Random.Shared.Next(ids.Length)];

    private static string[] Ids(int kind, int count) => Enumerable.Range(1, count).Select(n => BenchIds.Of(kind, n).ToString()).ToArray();
}
