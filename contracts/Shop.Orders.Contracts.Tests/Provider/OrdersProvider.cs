using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shop.Contracts.Testing;
using Shop.Orders.Data;
using Shop.ServiceDefaults.Grpc;
using OrdersProgram = Shop.Orders.Program;
using OrdersV1 = Shop.Orders.V1;

namespace Shop.Orders.Contracts.Tests.Provider;

/// <summary>The real orders service as the pacts' provider, its states seeded through the service's own repositories.</summary>
internal sealed class OrdersProvider : ProviderHost<OrdersProgram>
{
    private OrdersProvider(ProviderSetup setup)
        : base(Participants.Orders, "orders", "users", setup, OrdersV1.OrderService.Descriptor, OrdersV1.ProductService.Descriptor)
    {
    }

    public static async Task<OrdersProvider> CreateAsync() => new(await StartAsync("shop_orders", connectionString => new()
    {
        ["ConnectionStrings:Orders"] = connectionString,
        // The calls in the pacts never reach other services: nothing listens here.
        ["Services:Users"] = "http://127.0.0.1:9",
        ["Services:Notifications"] = "http://127.0.0.1:9",
        ["Outbox:Enabled"] = "false",
    }));

    /// <summary>
    /// The self-tests' breaking change of content: ListOrders leaves the user's orders out (e.g. a filter that
    /// keeps only open orders: users would list nothing and delete a user who has paid).
    /// </summary>
    public IDisposable OmitUsersOrders() => Change.Apply(async (method, request, callService) =>
    {
        var response = await callService();
        (response as OrdersV1.ListOrdersResponse)?.Orders.Clear();
        return response;
    });

    /// <summary>
    /// For the self-tests: while set, "a user has a paid order" also seeds an older PENDING order of this
    /// amount for the same user, a fixture change a consumer's contract must not notice.
    /// </summary>
    public decimal? OlderPendingOrderTotal { get; set; }

    public override async Task SetUpAsync(string state, IReadOnlyDictionary<string, object?> parameters)
    {
        switch (state)
        {
            case "a user has a paid order":
                var userId = Id(parameters, "userId");
                var createdAt = Instant(parameters, "createdAt");
                await SeedOrderAsync(userId, Id(parameters, "orderId"), OrderStates.Paid, Euros(parameters, "total"), createdAt);
                if (OlderPendingOrderTotal is { } older)
                {
                    await SeedOrderAsync(userId, Guid.NewGuid(), OrderStates.Pending, older, createdAt.AddDays(-1));
                }

                break;
            case "a user has a cancelled order":
                await SeedOrderAsync(Id(parameters, "userId"), Id(parameters, "orderId"), OrderStates.Cancelled, Euros(parameters, "total"), DateTime.UtcNow);
                break;
            case "a user has more orders than one page":
                await SeedPagesAsync(parameters);
                break;
            case "a user has no orders":
                break;
            default:
                throw new KeyNotFoundException($"The orders provider has no state '{state}'.");
        }
    }

    /// <summary>The token of the page after the first (whose size the state names): only orders can make it.</summary>
    public override Task<IReadOnlyDictionary<string, string>> StateValuesAsync(string state, IReadOnlyDictionary<string, object?> parameters) =>
        state == "a user has more orders than one page"
            ? Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
            {
                ["pageToken"] = PageToken.Next(0, Count(parameters, "pageSize"), Count(parameters, "pageSize")),
            })
            : base.StateValuesAsync(state, parameters);

    // One page and one order more, a minute apart: the newest and the oldest have the ids the state names.
    private async Task SeedPagesAsync(IReadOnlyDictionary<string, object?> parameters)
    {
        var userId = Id(parameters, "userId");
        var newest = Instant(parameters, "newestCreatedAt");
        var count = Count(parameters, "pageSize") + 1;
        var total = Euros(parameters, "total");
        for (var i = 0; i < count; i++)
        {
            var orderId = i == 0 ? Id(parameters, "newestOrderId") : i == count - 1 ? Id(parameters, "oldestOrderId") : Guid.NewGuid();
            await SeedOrderAsync(userId, orderId, OrderStates.Paid, total, newest.AddMinutes(-i));
        }
    }

    // One item at the order's total, as the service itself would have stored the order, placed at createdAt.
    private async Task SeedOrderAsync(Guid userId, Guid orderId, string status, decimal total, DateTime createdAt)
    {
        var productId = Guid.NewGuid();
        await Host.Services.GetRequiredService<ProductRepository>().InsertAsync(productId, "Espresso cup", total, 10, "kitchen", CancellationToken.None);
        var orders = Host.Services.GetRequiredService<OrderRepository>();
        await using var connection = await Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await orders.InsertAsync(transaction, orderId, userId, status, total, CancellationToken.None);
        await orders.InsertItemsAsync(transaction, [new OrderItemRecord(orderId, productId, "Espresso cup", 1, total)], CancellationToken.None);
        await connection.ExecuteAsync(
            "UPDATE orders SET created_at = @createdAt, updated_at = @createdAt WHERE id = @orderId", new { orderId, createdAt }, transaction);
        await transaction.CommitAsync();
    }

    private static DateTime Instant(IReadOnlyDictionary<string, object?> parameters, string name) =>
        DateTime.TryParse(Text(parameters, name), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new ArgumentException($"The state's '{name}' must be an RFC 3339 instant, e.g. \"2026-03-14T09:26:53Z\".");

    private static int Count(IReadOnlyDictionary<string, object?> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && value is long count && count is > 0 and <= 1000
            ? (int)count
            : throw new ArgumentException($"The state needs a '{name}' parameter holding a count from 1 to 1000.");

    private static decimal Euros(IReadOnlyDictionary<string, object?> parameters, string name) =>
        decimal.TryParse(Text(parameters, name), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euros) && euros > 0
            ? euros
            : throw new ArgumentException($"The state needs a '{name}' parameter holding a positive amount in euros, e.g. \"12.50\".");
}
