using System.CommandLine;
using Grpc.Core;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Users.V1;

namespace Shop.Cli.Commands.Demo;

/// <summary>
/// The seed scenario through real gRPC clients, one checked step per line with its timing: an admin
/// (<see cref="AdminEmail"/>, listed in Auth:Admins by ./build.sh --target=Run and Demo) sets up the
/// catalogue and fulfils, a customer orders and pays. Phases let the build stop and restart the orders
/// service in between (./build.sh --target=Demo).
/// </summary>
internal static class DemoCommand
{
    public const string AdminEmail = "admin@shop.local";
    private const string AdminPassword = "demo admin password";

    public static Command Create()
    {
        var phase = new Option<string>("--phase") { DefaultValueFactory = _ => "flow" };
        phase.AcceptOnlyFromAmong("flow", "outage", "recovery");
        var demo = new Command("demo", "Walk the seed scenario: flow (orders up), outage (orders down), recovery") { phase };
        demo.Handle(async (parse, mesh, ct) =>
        {
            var steps = new DemoSteps(parse.GetValue(phase)!);
            switch (parse.GetValue(phase))
            {
                case "flow": await FlowAsync(mesh, steps, ct); break;
                case "outage": await OutageAsync(mesh, steps, ct); break;
                default: await RecoveryAsync(mesh, steps, ct); break;
            }
            return steps.Result();
        });
        return demo;
    }

    private static async Task FlowAsync(MeshConnection mesh, DemoSteps steps, CancellationToken ct)
    {
        var email = $"demo-{Guid.NewGuid():N}@example.com";
        var user = await steps.RunAsync("register a user", async () =>
        {
            var u = (await mesh.Auth.RegisterAsync(new RegisterRequest { Email = email, Name = "Demo User", Password = "demo password" }, cancellationToken: ct)).User;
            return (u, u.Email);
        });
        await steps.RunAsync("log in", async () =>
        {
            var login = await mesh.Auth.LoginAsync(new LoginRequest { Email = email, Password = "demo password" }, cancellationToken: ct);
            TokenStore.Save(login.AccessToken);
            return (login, $"token until {login.ExpiresAt.ToDateTime():HH:mm}Z");
        });
        var customerToken = TokenStore.Load()!;
        var adminToken = await steps.RunAsync($"admin {AdminEmail} (password '{AdminPassword}') logs in", async () =>
        {
            try
            {
                await mesh.Auth.RegisterAsync(new RegisterRequest { Email = AdminEmail, Name = "Demo Admin", Password = AdminPassword }, cancellationToken: ct);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
            {
                // Registered by an earlier demo.
            }
            var login = await mesh.Auth.LoginAsync(new LoginRequest { Email = AdminEmail, Password = AdminPassword }, cancellationToken: ct);
            // The token's payload says the role users gave it (admin only for emails in Auth:Admins).
            var payload = System.Buffers.Text.Base64Url.DecodeFromChars(login.AccessToken.Split('.')[1]);
            var role = System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("role").GetString();
            return (login.AccessToken, Expect(role == "admin", $"role {role}"));
        });
        TokenStore.Save(adminToken);
        var product = await steps.RunAsync("admin creates product 99.99, stock 10", async () =>
        {
            var p = (await mesh.Products.CreateProductAsync(new CreateProductRequest
            {
                Name = "Espresso cup", Price = MoneyText.Parse("99.99"), Stock = 10, Category = "kitchen",
            }, cancellationToken: ct)).Product;
            return (p, $"{MoneyText.Format(p.Price)}, stock {p.Stock}");
        });
        TokenStore.Save(customerToken);
        var order = await steps.RunAsync("place an order of 2", async () =>
        {
            var request = new PlaceOrderRequest { UserId = user.UserId };
            request.Items.Add(new PlaceOrderItem { ProductId = product.ProductId, Quantity = 2 });
            var o = (await WhileUnavailableAsync(mesh, "PlaceOrder to reach users", () => mesh.Orders.PlaceOrderAsync(request, cancellationToken: ct),
                e => e.Status.Detail.StartsWith("User service unavailable", StringComparison.Ordinal), ct)).Order;
            return (o, Expect(MoneyText.Format(o.Total) == "199.98 EUR" && o.Status == OrderStatus.Pending, $"total {MoneyText.Format(o.Total)}, {o.Status}"));
        });
        await steps.RunAsync("pay 199.98", async () =>
        {
            var paid = await mesh.Orders.PayOrderAsync(new PayOrderRequest
            {
                OrderId = order.OrderId, Amount = MoneyText.Parse("199.98"), Method = PaymentMethod.Card, IdempotencyKey = Guid.NewGuid().ToString(),
            }, cancellationToken: ct);
            return (paid, Expect(paid.Order.Status == OrderStatus.Paid, paid.Order.Status.ToString()));
        });
        await steps.RunAsync("stock after payment", async () =>
        {
            var p = (await mesh.Products.GetProductAsync(new GetProductRequest { ProductId = product.ProductId }, cancellationToken: ct)).Product;
            return (p, Expect(p.Stock == 8, $"stock {p.Stock}"));
        });
        TokenStore.Save(adminToken);
        await steps.RunAsync("admin fulfils", async () =>
        {
            var o = (await mesh.Orders.FulfillOrderAsync(new FulfillOrderRequest { OrderId = order.OrderId }, cancellationToken: ct)).Order;
            return (o, Expect(o.Status == OrderStatus.Fulfilled, o.Status.ToString()));
        });
        // The customer's token again, for the rest of the demo and its later phases.
        TokenStore.Save(customerToken);
        await steps.RunAsync("notification for the paid order", async () =>
        {
            // Delivered by the orders outbox in the background.
            var processed = await MeshReadiness.UntilAsync(mesh, "the order_processed notification", async () =>
            {
                var list = await mesh.Notifications.ListNotificationsAsync(new ListNotificationsRequest { UserId = user.UserId }, cancellationToken: ct);
                return list.Notifications.FirstOrDefault(n => n.Type == "order_processed" && n.OrderId == order.OrderId);
            }, ct);
            return (processed, $"{processed.Type}: {processed.Message}");
        });
        await steps.RunAsync("the user's orders, through users", async () =>
        {
            var orders = await UserOrdersAsync(mesh, user, ct);
            return (orders, Expect(orders.Orders.Count == 1 && orders.Orders[0].OrderId == order.OrderId, $"{orders.Orders.Count} order(s): {string.Join(", ", orders.Orders.Select(o => o.Status))}"));
        });
    }

    private static async Task OutageAsync(MeshConnection mesh, DemoSteps steps, CancellationToken ct)
    {
        var user = await DemoUserAsync(mesh, ct);
        await steps.RunAsync("ListUserOrders with orders stopped", async () =>
        {
            try
            {
                await mesh.Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = user.UserId }, cancellationToken: ct);
                throw new DemoStepFailed("answered although the orders service is down");
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && e.Status.Detail == "Order service unavailable")
            {
                return (e, $"UNAVAILABLE: {e.Status.Detail}");
            }
        });
    }

    private static async Task RecoveryAsync(MeshConnection mesh, DemoSteps steps, CancellationToken ct)
    {
        var user = await DemoUserAsync(mesh, ct);
        await steps.RunAsync("ListUserOrders after orders restarted", async () =>
        {
            // The circuit breaker lets a trial call through after its break; until then users answers UNAVAILABLE.
            var orders = await UserOrdersAsync(mesh, user, ct);
            return (orders, Expect(orders.Orders.Count == 1, $"OK, {orders.Orders.Count} order(s): {string.Join(", ", orders.Orders.Select(o => o.Status))}"));
        });
    }

    /// <summary>
    /// ListUserOrders, asked again while users answers UNAVAILABLE and the services are up: users gives orders
    /// 2 s, which a loaded machine can miss (and after an outage its circuit breaker needs its break first).
    /// </summary>
    private static Task<ListUserOrdersResponse> UserOrdersAsync(MeshConnection mesh, User user, CancellationToken ct) =>
        WhileUnavailableAsync(mesh, "ListUserOrders to answer",
            () => mesh.Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = user.UserId }, cancellationToken: ct), _ => true, ct);

    /// <summary>
    /// A call asked again, while the mesh is up, as long as it answers UNAVAILABLE in a way that
    /// <paramref name="changedNothing"/> recognises (a read; PlaceOrder refused before anything was written).
    /// </summary>
    private static Task<T> WhileUnavailableAsync<T>(MeshConnection mesh, string what, Func<AsyncUnaryCall<T>> call,
        Func<RpcException, bool> changedNothing, CancellationToken ct) where T : class =>
        MeshReadiness.UntilAsync(mesh, what, async () =>
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && changedNothing(e))
            {
                return null;
            }
        }, ct);

    /// <summary>The user the flow phase registered and logged in (its token is kept), so later phases show the same orders.</summary>
    private static async Task<User> DemoUserAsync(MeshConnection mesh, CancellationToken ct) =>
        (await mesh.Auth.GetProfileAsync(new GetProfileRequest(), cancellationToken: ct)).User;

    private static string Expect(bool condition, string outcome) => condition ? outcome : throw new DemoStepFailed($"unexpected: {outcome}");
}
