using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Testing;
using Shop.Testing.Auth;

namespace Shop.Mesh.Tests.Access;

/// <summary>
/// One cell of the access matrix: a fresh owner (a registered customer), the channels to the three services
/// carrying the cell's <see cref="Credential"/>, and set-up calls made with the rights they need (not the cell's).
/// </summary>
public sealed class AccessCell(InProcessMesh mesh, AccessRow row, Credential credential, Guid owner, string ownerEmail, Guid other, Guid admin)
{
    public const string Password = "correct horse";

    public Guid Owner => owner;

    public string OwnerEmail => ownerEmail;

    public Credential Credential => credential;

    /// <summary>The users service, called with the cell's credential.</summary>
    public CallInvoker Users => Invoker(mesh.Users.Channel, "users");

    public CallInvoker Orders => Invoker(mesh.Orders.Channel, "orders");

    public CallInvoker Notifications => Invoker(mesh.Notifications.Channel, "notifications");

    public Task<Product> ArrangeProductAsync() => Arrange(async () =>
        (await new ProductService.ProductServiceClient(mesh.Orders.Channel.As(TestTokens.Admin(admin))).CreateProductAsync(new CreateProductRequest
        {
            Name = "Teapot",
            Price = Amounts.Eur("9.99"),
            Stock = 10,
            Category = "kitchen",
        })).Product);

    /// <summary>A pending order of the owner's, placed by the owner.</summary>
    public async Task<Order> ArrangeOrderAsync()
    {
        var product = await ArrangeProductAsync();
        return await Arrange(async () => (await OwnersOrders.PlaceOrderAsync(new PlaceOrderRequest
        {
            UserId = owner.ToString(),
            Items = { new PlaceOrderItem { ProductId = product.ProductId, Quantity = 1 } },
        })).Order);
    }

    public async Task<Order> ArrangePaidOrderAsync()
    {
        var order = await ArrangeOrderAsync();
        return await Arrange(async () => (await OwnersOrders.PayOrderAsync(new PayOrderRequest
        {
            OrderId = order.OrderId,
            Method = PaymentMethod.Card,
            Amount = order.Total,
            IdempotencyKey = Guid.NewGuid().ToString(),
        })).Order);
    }

    /// <summary>A notification of the owner's, delivered as the orders service delivers them.</summary>
    public Task<Notification> ArrangeNotificationAsync() => Arrange(async () =>
        (await new NotificationService.NotificationServiceClient(mesh.Notifications.Channel.With(null, TestTokens.Service("orders", "notifications")))
            .DeliverOrderEventAsync(new DeliverOrderEventRequest { Event = NewEvent() })).Notification);

    public OrderEvent NewEvent() => new()
    {
        EventId = Guid.NewGuid().ToString(),
        Type = OrderEventType.Paid,
        OrderId = Guid.NewGuid().ToString(),
        UserId = owner.ToString(),
        OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow),
    };

    // A failed set-up is no answer of the RPC under test: it fails the test instead of counting as the cell's status.
    private static async Task<T> Arrange<T>(Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (RpcException e)
        {
            throw new InvalidOperationException($"Setting up the cell failed: {e.Status}", e);
        }
    }

    private OrderService.OrderServiceClient OwnersOrders => new(mesh.Orders.Channel.As(TestTokens.User(owner)));

    private CallInvoker Invoker(GrpcChannel channel, string callee) => credential switch
    {
        Credential.None => channel.CreateCallInvoker(),
        Credential.Garbage => channel.As("not-a-token"),
        Credential.Expired => channel.As(TestTokens.User(owner, now: DateTimeOffset.UtcNow.AddHours(-2), lifetime: TimeSpan.FromHours(1))),
        Credential.WrongKey => channel.As(TestTokens.User(owner, key: TestKeys.Foreign)),
        Credential.WrongAudience => channel.As(TestTokens.User(owner, audience: "shop-orders")),
        Credential.OtherCustomer => channel.As(TestTokens.User(other)),
        Credential.Owner => channel.As(TestTokens.User(owner)),
        Credential.Admin => channel.As(TestTokens.Admin(admin)),
        Credential.RightService => channel.With(TestTokens.User(owner), TestTokens.Service(RightService(callee), callee)),
        Credential.AnotherService => channel.With(TestTokens.User(owner), TestTokens.Service(AnotherService(callee), callee)),
        _ => throw new ArgumentOutOfRangeException(nameof(credential)),
    };

    private string RightService(string callee) => row.CallingService ?? (callee == "users" ? "orders" : callee == "orders" ? "users" : "orders");

    private string AnotherService(string callee) => new[] { "notifications", "users", "orders" }.First(s => s != callee && s != RightService(callee));
}
