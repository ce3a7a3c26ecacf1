using Grpc.Core;
using Grpc.Net.Client;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Testing.Auth;
using Shop.Users.V1;

namespace Shop.Testing.Meshes;

/// <summary>
/// The seed scenario's calls, through the generated clients, against any three channels: as an admin, except
/// placing an order, which its customer does.
/// </summary>
public sealed class MeshCalls(GrpcChannel users, GrpcChannel orders, GrpcChannel notifications)
{
    public UserService.UserServiceClient Users { get; } = new(users.As(TestTokens.Admin()));

    public ProductService.ProductServiceClient Products { get; } = new(orders.As(TestTokens.Admin()));

    public OrderService.OrderServiceClient Orders { get; } = new(orders.As(TestTokens.Admin()));

    public NotificationService.NotificationServiceClient Notifications { get; } = new(notifications.As(TestTokens.Admin()));

    public async Task<string> CreateUserAsync(string email) =>
        (await Users.CreateUserAsync(new CreateUserRequest { Email = email, Name = "Ada Lovelace", Password = "correct horse" })).User.UserId;

    public async Task<Product> CreateProductAsync(string price = "99.99", int stock = 10) =>
        (await Products.CreateProductAsync(new CreateProductRequest { Name = "Teapot", Price = Amounts.Eur(price), Stock = stock, Category = "kitchen" })).Product;

    public async Task<Order> PlaceOrderAsync(string userId, Product product, int quantity)
    {
        var request = new PlaceOrderRequest { UserId = userId };
        request.Items.Add(new PlaceOrderItem { ProductId = product.ProductId, Quantity = quantity });
        return (await new OrderService.OrderServiceClient(orders.As(TestTokens.User(Guid.Parse(userId)))).PlaceOrderAsync(request)).Order;
    }

    public async Task<Order> PayAsync(Order order) =>
        (await Orders.PayOrderAsync(new PayOrderRequest
        {
            OrderId = order.OrderId,
            Method = PaymentMethod.Card,
            Amount = order.Total,
            IdempotencyKey = Guid.NewGuid().ToString(),
        })).Order;

    public async Task<Order> FulfilAsync(Order order) =>
        (await Orders.FulfillOrderAsync(new FulfillOrderRequest { OrderId = order.OrderId })).Order;

    /// <summary>The user's notifications, oldest first.</summary>
    public async Task<IReadOnlyList<Notification>> NotificationsAsync(string userId) =>
        (await Notifications.ListNotificationsAsync(new ListNotificationsRequest { UserId = userId, PageSize = 100 }))
            .Notifications.Reverse().ToList();

    /// <summary>
    /// Polls until the user has <paramref name="count"/> notifications, then waits one more delivery
    /// round and returns them: a duplicate arriving late would show in the result.
    /// </summary>
    public async Task<IReadOnlyList<Notification>> WaitForNotificationsAsync(string userId, int count, TimeSpan timeout)
    {
        var found = await Poll.UntilAsync(() => NotificationsAsync(userId), f => f.Count >= count, timeout);
        if (found.Count < count)
        {
            Assert.Fail($"{found.Count} of {count} notifications for user {userId} arrived within {timeout.TotalSeconds:0} s: " +
                string.Join(", ", found.Select(n => n.Type)));
        }
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        return await NotificationsAsync(userId);
    }

    /// <summary>
    /// Repeats <paramref name="call"/> while it answers UNAVAILABLE, for at most <paramref name="bound"/>:
    /// a circuit breaker that opened during an outage lets a trial call through after its break.
    /// </summary>
    public static async Task<T> UntilAvailableAsync<T>(Func<Task<T>> call, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
