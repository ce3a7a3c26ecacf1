using Dapper;
using Npgsql;

namespace Shop.Orders.Data;

/// <summary>
/// The <c>order_events</c> outbox: appended in the transaction of each order state change, read and
/// marked delivered by a dispatcher, in sequence order.
/// </summary>
internal sealed class OrderEventRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = "sequence, id, order_id, user_id, type, occurred_at, delivered_at";

    private const string AppendSql = """
        INSERT INTO order_events (id, order_id, user_id, type)
        VALUES (@id, @orderId, @userId, @type)
        """;

    /// <param name="type">One of <see cref="OrderEventTypes"/>.</param>
    public async Task AppendAsync(NpgsqlTransaction transaction, OrderRecord order, string type, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            AppendSql, new { id = Guid.CreateVersion7(), orderId = order.Id, userId = order.UserId, type }, transaction, cancellationToken: ct));

    private const string UndeliveredSql = $"""
        SELECT {Columns} FROM order_events
        WHERE delivered_at IS NULL
        ORDER BY sequence
        LIMIT @limit
        """;

    /// <summary>The oldest events not yet delivered, in the order they happened.</summary>
    public async Task<IReadOnlyList<OrderEventRecord>> ListUndeliveredAsync(int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<OrderEventRecord>(new CommandDefinition(UndeliveredSql, new { limit }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task MarkDeliveredAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE order_events SET delivered_at = now() WHERE id = ANY(@ids) AND delivered_at IS NULL",
            new { ids = eventIds.ToArray() }, cancellationToken: ct));
    }
}
