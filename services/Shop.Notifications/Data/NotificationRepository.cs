using Dapper;
using Npgsql;
using Shop.ServiceDefaults.Data;

namespace Shop.Notifications.Data;

internal sealed class NotificationRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, event_id, user_id, order_id, type, message, occurred_at, read_at, created_at";

    // DO NOTHING rather than an error: a redelivered event is expected, not a failure. When another
    // delivery of the same event is still in flight, PostgreSQL waits for it and then skips the row.
    private const string InsertSql = $"""
        INSERT INTO notifications (id, event_id, user_id, order_id, type, message, occurred_at)
        VALUES (@Id, @EventId, @UserId, @OrderId, @Type, @Message, @OccurredAt)
        ON CONFLICT (event_id) DO NOTHING
        RETURNING {Columns}
        """;

    // A statement of its own, so its snapshot includes the row a concurrent delivery committed.
    private const string FindByEventSql = $"SELECT {Columns} FROM notifications WHERE event_id = @eventId";

    /// <returns>
    /// The notification stored for the event, and whether it was there before (<paramref name="notification"/> ignored then).
    /// </returns>
    public Task<(NotificationRecord Notification, bool Duplicate)> InsertOnceAsync(NewNotification notification, CancellationToken ct) => dataSource.RunAsync(async connection =>
    {
        var inserted = await connection.QuerySingleOrDefaultAsync<NotificationRecord>(new CommandDefinition(InsertSql, notification, cancellationToken: ct));
        if (inserted is not null)
        {
            return (inserted, false);
        }
        var existing = await connection.QuerySingleAsync<NotificationRecord>(
            new CommandDefinition(FindByEventSql, new { eventId = notification.EventId }, cancellationToken: ct));
        return (existing, true);
    }, ct);

    // Newest event first; created_at and id break ties so pages never overlap or skip.
    private const string PageSql = $"""
        SELECT {Columns} FROM notifications
        WHERE user_id = @userId
        ORDER BY occurred_at DESC, created_at DESC, id DESC
        OFFSET @offset LIMIT @limit
        """;

    public Task<IReadOnlyList<NotificationRecord>> ListForUserAsync(Guid userId, int offset, int limit, CancellationToken ct) => dataSource.RunAsync<IReadOnlyList<NotificationRecord>>(async connection =>
    {
        var rows = await connection.QueryAsync<NotificationRecord>(new CommandDefinition(PageSql, new { userId, offset, limit }, cancellationToken: ct));
        return rows.AsList();
    }, ct);

    // The first read time is kept, so marking twice changes nothing.
    private const string MarkReadSql = $"""
        UPDATE notifications
        SET read_at = COALESCE(read_at, now())
        WHERE id = @id AND (@owner IS NULL OR user_id = @owner)
        RETURNING {Columns}
        """;

    /// <param name="owner">When set, only a notification of this user is marked.</param>
    /// <returns>The notification, now read, or null when there is none with that id (and owner).</returns>
    public Task<NotificationRecord?> MarkReadAsync(Guid id, Guid? owner, CancellationToken ct) =>
        dataSource.RunAsync(connection => connection.QuerySingleOrDefaultAsync<NotificationRecord>(new CommandDefinition(MarkReadSql, new { id, owner }, cancellationToken: ct)), ct);
}
