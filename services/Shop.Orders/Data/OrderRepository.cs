using Dapper;
using Npgsql;
using Shop.ServiceDefaults.Data;

namespace Shop.Orders.Data;

/// <summary>
/// Orders and their items. Writes take the caller's transaction, so a state change, its stock
/// movements and its outbox event commit or roll back together.
/// </summary>
internal sealed class OrderRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, user_id, status, total, created_at, updated_at";
    private const string ItemColumns = "order_id, product_id, product_name, quantity, unit_price";

    private const string InsertSql = $"""
        INSERT INTO orders (id, user_id, status, total)
        VALUES (@Id, @UserId, @Status, @Total)
        RETURNING {Columns}
        """;

    public async Task<OrderRecord> InsertAsync(NpgsqlTransaction transaction, Guid id, Guid userId, string status, decimal total, CancellationToken ct) =>
        await transaction.Connection!.QuerySingleAsync<OrderRecord>(new CommandDefinition(
            InsertSql, new { Id = id, UserId = userId, Status = status, Total = total }, transaction, cancellationToken: ct));

    private const string InsertItemSql = """
        INSERT INTO order_items (order_id, product_id, product_name, quantity, unit_price)
        VALUES (@OrderId, @ProductId, @ProductName, @Quantity, @UnitPrice)
        """;

    /// <exception cref="PostgresException">SqlState 23503 (foreign key violation) when a product does not exist.</exception>
    public async Task InsertItemsAsync(NpgsqlTransaction transaction, IEnumerable<OrderItemRecord> items, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(InsertItemSql, items, transaction, cancellationToken: ct));

    /// <summary>Reads the order and holds its row lock until the transaction ends, so its changes happen one at a time.</summary>
    public async Task<OrderRecord?> LockAsync(NpgsqlTransaction transaction, Guid id, CancellationToken ct) =>
        await transaction.Connection!.QuerySingleOrDefaultAsync<OrderRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM orders WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: ct));

    private const string SetStatusSql = $"""
        UPDATE orders SET status = @status, updated_at = now()
        WHERE id = @id
        RETURNING {Columns}
        """;

    public async Task<OrderRecord> SetStatusAsync(NpgsqlTransaction transaction, Guid id, string status, CancellationToken ct) =>
        await transaction.Connection!.QuerySingleAsync<OrderRecord>(new CommandDefinition(
            SetStatusSql, new { id, status }, transaction, cancellationToken: ct));

    /// <returns>The order's items by product id, the order in which their stock rows are locked.</returns>
    public async Task<IReadOnlyList<OrderItemRecord>> ItemsAsync(NpgsqlTransaction transaction, Guid orderId, CancellationToken ct)
    {
        var rows = await transaction.Connection!.QueryAsync<OrderItemRecord>(new CommandDefinition(
            $"SELECT {ItemColumns} FROM order_items WHERE order_id = @orderId ORDER BY product_id", new { orderId }, transaction, cancellationToken: ct));
        return rows.AsList();
    }

    /// <returns>The id of the user who placed the order, or null when there is no such order.</returns>
    public Task<Guid?> OwnerAsync(Guid id, CancellationToken ct) => dataSource.RunAsync(connection =>
        connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition("SELECT user_id FROM orders WHERE id = @id", new { id }, cancellationToken: ct)), ct);

    public Task<OrderDetails?> FindAsync(Guid id, CancellationToken ct) => dataSource.RunAsync(async connection =>
    {
        var order = await connection.QuerySingleOrDefaultAsync<OrderRecord>(
            new CommandDefinition($"SELECT {Columns} FROM orders WHERE id = @id", new { id }, cancellationToken: ct));
        return order is null ? null : (await WithItemsAsync(connection, [order], ct))[0];
    }, ct);

    private const string PageByUserSql = $"""
        SELECT {Columns} FROM orders
        WHERE user_id = @userId
        ORDER BY created_at DESC, id DESC
        OFFSET @offset LIMIT @limit
        """;

    /// <summary>A user's orders, newest first.</summary>
    public Task<IReadOnlyList<OrderDetails>> ListByUserAsync(Guid userId, int offset, int limit, CancellationToken ct) => dataSource.RunAsync<IReadOnlyList<OrderDetails>>(async connection =>
    {
        var orders = (await connection.QueryAsync<OrderRecord>(
            new CommandDefinition(PageByUserSql, new { userId, offset, limit }, cancellationToken: ct))).AsList();
        return await WithItemsAsync(connection, orders, ct);
    }, ct);

    private const string CustomerSpendingSql = $"""
        SELECT user_id,
               count(*)::integer        AS order_count,
               sum(total)               AS total_spent,
               round(avg(total), 2)     AS average_order_value
        FROM orders
        WHERE status IN ('{OrderStates.Paid}', '{OrderStates.Fulfilled}')
        GROUP BY user_id
        ORDER BY total_spent DESC, user_id
        LIMIT @limit
        """;

    /// <summary>Per user, the count, sum and average of paid and fulfilled orders, highest total first.</summary>
    public Task<IReadOnlyList<CustomerSpendingRecord>> CustomerSpendingAsync(int limit, CancellationToken ct) => dataSource.RunAsync<IReadOnlyList<CustomerSpendingRecord>>(async connection =>
    {
        var rows = await connection.QueryAsync<CustomerSpendingRecord>(new CommandDefinition(CustomerSpendingSql, new { limit }, cancellationToken: ct));
        return rows.AsList();
    }, ct);

    private static async Task<IReadOnlyList<OrderDetails>> WithItemsAsync(NpgsqlConnection connection, IReadOnlyList<OrderRecord> orders, CancellationToken ct)
    {
        if (orders.Count == 0) return [];
        var items = (await connection.QueryAsync<OrderItemRecord>(new CommandDefinition(
                $"SELECT {ItemColumns} FROM order_items WHERE order_id = ANY(@ids) ORDER BY product_id",
                new { ids = orders.Select(o => o.Id).ToArray() }, cancellationToken: ct)))
            .ToLookup(i => i.OrderId);
        return orders.Select(o => new OrderDetails(o, items[o.Id].ToList())).ToList();
    }
}
