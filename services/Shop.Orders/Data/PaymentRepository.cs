using Dapper;
using Npgsql;

namespace Shop.Orders.Data;

/// <summary>Payments, at most one per order, written in the transaction that marks the order paid.</summary>
internal sealed class PaymentRepository
{
    private const string Columns = "id, order_id, method, amount, idempotency_key, paid_at";

    public async Task<PaymentRecord?> FindForOrderAsync(NpgsqlTransaction transaction, Guid orderId, CancellationToken ct) =>
        await transaction.Connection!.QuerySingleOrDefaultAsync<PaymentRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM payments WHERE order_id = @orderId", new { orderId }, transaction, cancellationToken: ct));

    private const string InsertSql = $"""
        INSERT INTO payments (id, order_id, method, amount, idempotency_key)
        VALUES (@Id, @OrderId, @Method, @Amount, @IdempotencyKey)
        RETURNING {Columns}
        """;

    public async Task<PaymentRecord> InsertAsync(NpgsqlTransaction transaction, Guid id, Guid orderId, string method, decimal amount, string idempotencyKey, CancellationToken ct) =>
        await transaction.Connection!.QuerySingleAsync<PaymentRecord>(new CommandDefinition(
            InsertSql, new { Id = id, OrderId = orderId, Method = method, Amount = amount, IdempotencyKey = idempotencyKey }, transaction, cancellationToken: ct));
}
