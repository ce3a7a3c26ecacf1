using Grpc.Health.V1;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Users.V1;

namespace Shop.Mesh.Tests.Access;

/// <summary>
/// Who may call what: every RPC of every service, called about a fresh owner with each <see cref="Credential"/>,
/// and the status it must answer. The README's access table, as a test. A row per RPC; the columns are
/// <c>none, garbage, expired, wrong key, wrong audience, other customer, owner, admin, right service, another service</c>:
/// O = OK, U = UNAUTHENTICATED, D = PERMISSION_DENIED.
/// </summary>
public static class AccessMatrix
{
    // A table, aligned by hand: the formatter leaves it alone.
#pragma warning disable format
    //                                    n g e k a  o o a r a
    //                                    o a x e u  t w d i n
    //                                    n r p y d  h n m g o
    private const string Anyone         = "O O O O O  O O O O O";
    private const string OwnerOrAdmin   = "U U U U U  D O O D D";
    private const string AdminOnly      = "U U U U U  D D O D D";
    private const string OwnerOnly      = "U U U U U  D O D D D";
    // The user themself or an admin, directly or through the service that makes this call for them.
    private const string OwnerOrAdminOrTheirService = "U U U U U  D O O O D";
    private const string OrdersServiceOnly = "U U U U U  D D D O D";
#pragma warning restore format

    public static IReadOnlyList<AccessRow> Rows { get; } =
    [
        Row(AuthService.Descriptor.FullName, "Register", Anyone, null, c => new AuthService.AuthServiceClient(c.Users).RegisterAsync(
            new RegisterRequest { Email = $"{Guid.NewGuid():N}@example.com", Name = "Grace", Password = AccessCell.Password }).ResponseAsync),
        Row(AuthService.Descriptor.FullName, "Login", Anyone, null, c => new AuthService.AuthServiceClient(c.Users).LoginAsync(
            new LoginRequest { Email = c.OwnerEmail, Password = AccessCell.Password }).ResponseAsync),
        Row(AuthService.Descriptor.FullName, "GetProfile", "U U U U U  O O O D D", null, c => new AuthService.AuthServiceClient(c.Users).GetProfileAsync(
            new GetProfileRequest()).ResponseAsync),

        Row(UserService.Descriptor.FullName, "CreateUser", AdminOnly, null, c => new UserService.UserServiceClient(c.Users).CreateUserAsync(
            new CreateUserRequest { Email = $"{Guid.NewGuid():N}@example.com", Name = "Grace", Password = AccessCell.Password }).ResponseAsync),
        Row(UserService.Descriptor.FullName, "GetUser", OwnerOrAdminOrTheirService, "orders", c => new UserService.UserServiceClient(c.Users).GetUserAsync(
            new GetUserRequest { UserId = c.Owner.ToString() }).ResponseAsync),
        Row(UserService.Descriptor.FullName, "UpdateUser", OwnerOrAdmin, null, c => new UserService.UserServiceClient(c.Users).UpdateUserAsync(
            new UpdateUserRequest { UserId = c.Owner.ToString(), Name = "Ada King" }).ResponseAsync),
        Row(UserService.Descriptor.FullName, "DeleteUser", OwnerOrAdmin, null, c => new UserService.UserServiceClient(c.Users).DeleteUserAsync(
            new DeleteUserRequest { UserId = c.Owner.ToString() }).ResponseAsync),
        Row(UserService.Descriptor.FullName, "ListUsers", AdminOnly, null, c => new UserService.UserServiceClient(c.Users).ListUsersAsync(
            new ListUsersRequest()).ResponseAsync),
        Row(UserService.Descriptor.FullName, "ListUserOrders", OwnerOrAdmin, null, c => new UserService.UserServiceClient(c.Users).ListUserOrdersAsync(
            new ListUserOrdersRequest { UserId = c.Owner.ToString() }).ResponseAsync),

        Row(ProductService.Descriptor.FullName, "CreateProduct", AdminOnly, null, c => new ProductService.ProductServiceClient(c.Orders).CreateProductAsync(
            new CreateProductRequest { Name = "Cup", Price = Shop.Testing.Amounts.Eur("1.50"), Stock = 1, Category = "kitchen" }).ResponseAsync),
        Row(ProductService.Descriptor.FullName, "GetProduct", Anyone, null, async c => await new ProductService.ProductServiceClient(c.Orders).GetProductAsync(
            new GetProductRequest { ProductId = (await c.ArrangeProductAsync()).ProductId })),
        Row(ProductService.Descriptor.FullName, "ListProducts", Anyone, null, c => new ProductService.ProductServiceClient(c.Orders).ListProductsAsync(
            new ListProductsRequest()).ResponseAsync),
        Row(ProductService.Descriptor.FullName, "AdjustStock", AdminOnly, null, async c => await new ProductService.ProductServiceClient(c.Orders).AdjustStockAsync(
            new AdjustStockRequest { ProductId = (await c.ArrangeProductAsync()).ProductId, Delta = 5 })),
        Row(ProductService.Descriptor.FullName, "DeleteProduct", AdminOnly, null, async c => await new ProductService.ProductServiceClient(c.Orders).DeleteProductAsync(
            new DeleteProductRequest { ProductId = (await c.ArrangeProductAsync()).ProductId })),

        // user_id must be the caller's own: not even an admin places orders for someone else.
        Row(OrderService.Descriptor.FullName, "PlaceOrder", OwnerOnly, null, async c => await new OrderService.OrderServiceClient(c.Orders).PlaceOrderAsync(
            new PlaceOrderRequest { UserId = c.Owner.ToString(), Items = { new PlaceOrderItem { ProductId = (await c.ArrangeProductAsync()).ProductId, Quantity = 1 } } })),
        Row(OrderService.Descriptor.FullName, "GetOrder", OwnerOrAdmin, null, async c => await new OrderService.OrderServiceClient(c.Orders).GetOrderAsync(
            new GetOrderRequest { OrderId = (await c.ArrangeOrderAsync()).OrderId })),
        Row(OrderService.Descriptor.FullName, "PayOrder", OwnerOrAdmin, null, async c =>
        {
            var order = await c.ArrangeOrderAsync();
            await new OrderService.OrderServiceClient(c.Orders).PayOrderAsync(new PayOrderRequest
            {
                OrderId = order.OrderId, Method = PaymentMethod.Card, Amount = order.Total, IdempotencyKey = Guid.NewGuid().ToString(),
            });
        }),
        Row(OrderService.Descriptor.FullName, "FulfillOrder", AdminOnly, null, async c => await new OrderService.OrderServiceClient(c.Orders).FulfillOrderAsync(
            new FulfillOrderRequest { OrderId = (await c.ArrangePaidOrderAsync()).OrderId })),
        Row(OrderService.Descriptor.FullName, "CancelOrder", OwnerOrAdmin, null, async c => await new OrderService.OrderServiceClient(c.Orders).CancelOrderAsync(
            new CancelOrderRequest { OrderId = (await c.ArrangeOrderAsync()).OrderId })),
        Row(OrderService.Descriptor.FullName, "ListOrders", OwnerOrAdminOrTheirService, "users", c => new OrderService.OrderServiceClient(c.Orders).ListOrdersAsync(
            new ListOrdersRequest { UserId = c.Owner.ToString() }).ResponseAsync),
        Row(OrderService.Descriptor.FullName, "ListCustomerSpending", AdminOnly, null, c => new OrderService.OrderServiceClient(c.Orders).ListCustomerSpendingAsync(
            new ListCustomerSpendingRequest()).ResponseAsync),

        Row(NotificationService.Descriptor.FullName, "DeliverOrderEvent", OrdersServiceOnly, "orders", c => new NotificationService.NotificationServiceClient(c.Notifications)
            .DeliverOrderEventAsync(new DeliverOrderEventRequest { Event = c.NewEvent() }).ResponseAsync),
        Row(NotificationService.Descriptor.FullName, "ListNotifications", OwnerOrAdmin, null, c => new NotificationService.NotificationServiceClient(c.Notifications)
            .ListNotificationsAsync(new ListNotificationsRequest { UserId = c.Owner.ToString() }).ResponseAsync),
        Row(NotificationService.Descriptor.FullName, "MarkRead", OwnerOrAdmin, null, async c => await new NotificationService.NotificationServiceClient(c.Notifications)
            .MarkReadAsync(new MarkReadRequest { NotificationId = (await c.ArrangeNotificationAsync()).NotificationId })),

        // Health on every service: probes and load balancers carry no token.
        Row(Health.Descriptor.FullName, "Check", Anyone, null, async c =>
        {
            foreach (var service in new[] { c.Users, c.Orders, c.Notifications }) await new Health.HealthClient(service).CheckAsync(new HealthCheckRequest());
        }),
    ];

    private static AccessRow Row(string service, string method, string expected, string? callingService, Func<AccessCell, Task> call) =>
        new(service, method, expected, callingService, call);
}
