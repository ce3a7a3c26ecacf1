using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shop.Contracts.Testing;
using Shop.Orders.Data;
using OrdersProgram = Shop.Orders.Program;
using OrdersV1 = Shop.Orders.V1;

namespace Shop.Orders.Contracts.Tests.Provider;

/// <summary>The real orders service as the pacts' provider, its states seeded through the service's own repositories.</summary>
internal sealed class OrdersProvider : ProviderHost<OrdersProgram>
{
    private OrdersProvider(ProviderSetup setup)
        : base(Participants.Orders, setup, OrdersV1.OrderService.Descriptor, OrdersV1.ProductService.Descriptor)
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

    public override async Task SetUpAsync(string state, IReadOnlyDictionary<string, object?> parameters)
    {
        switch (state)
        {
            case "a user has a paid order":
                await SeedOrderAsync(Id(parameters, "userId"), Id(parameters, "orderId"), OrderStates.Paid, Euros(parameters, "total"));
                break;
            case "a user has a cancelled order":
                await SeedOrderAsync(Id(parameters, "userId"), Id(parameters, "orderId"), OrderStates.Cancelled, Euros(parameters, "total"));
                break;
            case "a user has no orders":
                break;
            default:
                throw new KeyNotFoundException($"The orders provider has no state '{state}'.");
        }
    }

    // One item at the order's total, as the service itself would have stored the order.
    private async Task SeedOrderAsync(Guid userId, Guid orderId, string status, decimal total)
    {
        var productId = Guid.NewGuid();
        await Host.Services.GetRequiredService<ProductRepository>().InsertAsync(productId, "Espresso cup", total, 10, "kitchen", CancellationToken.None);
        var orders = Host.Services.GetRequiredService<OrderRepository>();
        await using var connection = await Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await orders.InsertAsync(transaction, orderId, userId, status, total, CancellationToken.None);
        await orders.InsertItemsAsync(transaction, [new OrderItemRecord(orderId, productId, "Espresso cup", 1, total)], CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static decimal Euros(IReadOnlyDictionary<string, object?> parameters, string name) =>
        decimal.TryParse(Text(parameters, name), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euros) && euros > 0
            ? euros
            : throw new ArgumentException($"The state needs a '{name}' parameter holding a positive amount in euros, e.g. \"12.50\".");
}
