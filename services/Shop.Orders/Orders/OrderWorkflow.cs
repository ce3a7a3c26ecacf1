using Microsoft.Extensions.Logging;
using Npgsql;
using Shop.Orders.Data;
using Shop.Orders.Outbox;
using Shop.Orders.Users;
using Shop.ServiceDefaults.Data;
using Shop.ServiceDefaults.Errors;

namespace Shop.Orders.Orders;

/// <summary>
/// The order life cycle: PENDING -> PAID -> FULFILLED, or CANCELLED from PENDING or PAID. Each change
/// is one short transaction that locks the order row first, moves stock, and appends its outbox event;
/// anything that fails rolls the whole change back.
/// </summary>
internal sealed partial class OrderWorkflow(
    NpgsqlDataSource dataSource,
    OrderRepository orders,
    ProductRepository products,
    PaymentRepository payments,
    OrderEventRepository events,
    OutboxSignal outboxSignal,
    UserDirectory users,
    ILogger<OrderWorkflow> logger)
{
    public async Task<OrderDetails> PlaceAsync(Guid userId, IReadOnlyList<OrderLine> lines, CancellationToken ct)
    {
        if (!await users.ExistsAsync(userId, ct))
        {
            throw FailedPrecondition($"user {userId} does not exist");
        }

        var catalogue = await products.FindManyAsync(lines.Select(l => l.ProductId).ToList(), ct);
        var orderId = Guid.CreateVersion7();
        var items = new List<OrderItemRecord>();
        foreach (var line in lines)
        {
            var product = catalogue.GetValueOrDefault(line.ProductId)
                ?? throw FailedPrecondition($"{line.Field}.product_id: product {line.ProductId} does not exist");
            if (line.ExpectedUnitPrice is { } expected && expected != product.Price)
            {
                throw FailedPrecondition(
                    $"{line.Field}.expected_unit_price: {Euros.Display(expected)} does not match the price of product {product.Id}, {Euros.Display(product.Price)}");
            }
            items.Add(new OrderItemRecord(orderId, product.Id, product.Name, line.Quantity, product.Price));
        }
        var total = items.Sum(i => i.LineTotal);
        if (total > Euros.MaxAmount)
        {
            throw FailedPrecondition($"items: the order total {Euros.Display(total)} exceeds {Euros.Display(Euros.MaxAmount)}");
        }

        return await dataSource.RunAsync(connection => InsertPlacedAsync(connection, orderId, userId, total, items, ct), ct);
    }

    private async Task<OrderDetails> InsertPlacedAsync(
        NpgsqlConnection connection, Guid orderId, Guid userId, decimal total, List<OrderItemRecord> items, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var order = await orders.InsertAsync(transaction, orderId, userId, OrderStates.Pending, total, ct);
        try
        {
            await orders.InsertItemsAsync(transaction, items, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // Deleted since the catalogue was read.
            throw FailedPrecondition($"items: a product was deleted while the order was placed");
        }
        await events.AppendAsync(transaction, order, OrderEventTypes.Placed, ct);
        await transaction.CommitAsync(ct);
        outboxSignal.Notify();
        return new OrderDetails(order, items.OrderBy(i => i.ProductId).ToList());
    }

    /// <summary>
    /// Charges the exact total and takes every item's stock, all or nothing. A retry with the
    /// idempotency key of the order's payment returns that payment and the order as it is now.
    /// </summary>
    public Task<(OrderDetails Order, PaymentRecord Payment)> PayAsync(Guid orderId, string method, decimal amount, string idempotencyKey, CancellationToken ct) =>
        dataSource.RunAsync(connection => PayAsync(connection, orderId, method, amount, idempotencyKey, ct), ct);

    private async Task<(OrderDetails Order, PaymentRecord Payment)> PayAsync(NpgsqlConnection connection, Guid orderId, string method, decimal amount, string idempotencyKey, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var order = await LockAsync(transaction, orderId, ct);

        // Concurrent retries wait for the order lock above, so they find the payment the first one made.
        if (await payments.FindForOrderAsync(transaction, orderId, ct) is { } earlier && earlier.IdempotencyKey == idempotencyKey)
        {
            if (earlier.Amount != amount || earlier.Method != method)
            {
                throw FailedPrecondition(
                    $"idempotency_key: '{idempotencyKey}' was used for a payment of {Euros.Display(earlier.Amount)} by {earlier.Method}, not this one");
            }
            return (new OrderDetails(order, await orders.ItemsAsync(transaction, orderId, ct)), earlier);
        }

        RequireStatus(order, OrderStates.Pending, "paid");
        if (amount != order.Total)
        {
            throw FailedPrecondition($"amount: {Euros.Display(amount)} does not equal the order total {Euros.Display(order.Total)}");
        }

        // Items come ordered by product id, so concurrent payments lock stock rows in one order and cannot deadlock.
        var items = await orders.ItemsAsync(transaction, orderId, ct);
        foreach (var item in items)
        {
            if (!await products.TakeStockAsync(transaction, item.ProductId, item.Quantity, ct))
            {
                var available = await products.StockAsync(transaction, item.ProductId, ct);
                throw FailedPrecondition($"insufficient stock for product {item.ProductId}: {item.Quantity} wanted, {available} available");
            }
        }
        var payment = await payments.InsertAsync(transaction, Guid.CreateVersion7(), orderId, method, amount, idempotencyKey, ct);
        order = await orders.SetStatusAsync(transaction, orderId, OrderStates.Paid, ct);
        await events.AppendAsync(transaction, order, OrderEventTypes.Paid, ct);
        await transaction.CommitAsync(ct);
        outboxSignal.Notify();
        return (new OrderDetails(order, items), payment);
    }

    public Task<OrderDetails> FulfillAsync(Guid orderId, CancellationToken ct) =>
        dataSource.RunAsync(connection => FulfillAsync(connection, orderId, ct), ct);

    private async Task<OrderDetails> FulfillAsync(NpgsqlConnection connection, Guid orderId, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var order = await LockAsync(transaction, orderId, ct);
        RequireStatus(order, OrderStates.Paid, "fulfilled");
        order = await orders.SetStatusAsync(transaction, orderId, OrderStates.Fulfilled, ct);
        await events.AppendAsync(transaction, order, OrderEventTypes.Fulfilled, ct);
        var items = await orders.ItemsAsync(transaction, orderId, ct);
        await transaction.CommitAsync(ct);
        outboxSignal.Notify();
        return new OrderDetails(order, items);
    }

    /// <summary>Cancels a pending or paid order; a paid order's stock goes back (up to <see cref="StockLimit.Max"/>).</summary>
    public Task<OrderDetails> CancelAsync(Guid orderId, CancellationToken ct) =>
        dataSource.RunAsync(connection => CancelAsync(connection, orderId, ct), ct);

    private async Task<OrderDetails> CancelAsync(NpgsqlConnection connection, Guid orderId, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var order = await LockAsync(transaction, orderId, ct);
        if (order.Status is not (OrderStates.Pending or OrderStates.Paid))
        {
            throw FailedPrecondition($"order {orderId} is {OrderStates.Display(order.Status)}; only a PENDING or PAID order can be cancelled");
        }
        var items = await orders.ItemsAsync(transaction, orderId, ct);
        if (order.Status == OrderStates.Paid)
        {
            // A paid order can always be cancelled, whatever the catalogue holds now: the customer's cancellation
            // must not wait on an admin's stock. Units that would take a stock past StockLimit.Max (all an integer
            // holds, far beyond any real stock) are dropped rather than refusing the cancel, and logged.
            foreach (var item in items)
            {
                var dropped = await products.ReturnStockAsync(transaction, item.ProductId, item.Quantity, ct);
                if (dropped > 0) LogRestockCapped(logger, orderId, item.ProductId, dropped, StockLimit.Max);
            }
        }
        order = await orders.SetStatusAsync(transaction, orderId, OrderStates.Cancelled, ct);
        await events.AppendAsync(transaction, order, OrderEventTypes.Cancelled, ct);
        await transaction.CommitAsync(ct);
        outboxSignal.Notify();
        return new OrderDetails(order, items);
    }

    private async Task<OrderRecord> LockAsync(NpgsqlTransaction transaction, Guid orderId, CancellationToken ct) =>
        await orders.LockAsync(transaction, orderId, ct)
            ?? throw new NotFoundException($"order {orderId} not found");

    private static void RequireStatus(OrderRecord order, string required, string becoming)
    {
        if (order.Status != required)
        {
            throw FailedPrecondition(
                $"order {order.Id} is {OrderStates.Display(order.Status)}; only a {OrderStates.Display(required)} order can be {becoming}");
        }
    }

    private static PreconditionFailedException FailedPrecondition(StatusMessage message) => new(message);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Cancelling order {OrderId} put back {Dropped} fewer units of product {ProductId} than it took: its stock is at the limit, {Limit}")]
    private static partial void LogRestockCapped(ILogger logger, Guid orderId, Guid productId, int dropped, int limit);
}
