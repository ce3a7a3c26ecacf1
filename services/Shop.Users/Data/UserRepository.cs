using Dapper;
using Npgsql;
using Shop.ServiceDefaults.Data;

namespace Shop.Users.Data;

internal sealed class UserRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, email, name, password_hash, created_at, updated_at";

    private const string InsertSql = $"""
        INSERT INTO users (id, email, name, password_hash)
        VALUES (@Id, @Email, @Name, @PasswordHash)
        RETURNING {Columns}
        """;

    /// <exception cref="EmailTakenException">The email belongs to another user.</exception>
    public Task<UserRecord> InsertAsync(Guid id, string email, string name, string passwordHash, CancellationToken ct) => dataSource.RunAsync(async connection =>
    {
        try
        {
            return await connection.QuerySingleAsync<UserRecord>(
                new CommandDefinition(InsertSql, new { Id = id, Email = email, Name = name, PasswordHash = passwordHash }, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new EmailTakenException(email);
        }
    }, ct);

    public Task<UserRecord?> FindAsync(Guid id, CancellationToken ct) =>
        dataSource.RunAsync(connection => connection.QuerySingleOrDefaultAsync<UserRecord>(
            new CommandDefinition($"SELECT {Columns} FROM users WHERE id = @id", new { id }, cancellationToken: ct)), ct);

    public Task<UserRecord?> FindByEmailAsync(string email, CancellationToken ct) =>
        dataSource.RunAsync(connection => connection.QuerySingleOrDefaultAsync<UserRecord>(
            new CommandDefinition($"SELECT {Columns} FROM users WHERE email = @email", new { email }, cancellationToken: ct)), ct);

    private const string UpdateSql = $"""
        UPDATE users
        SET email = COALESCE(@Email, email),
            name = COALESCE(@Name, name),
            password_hash = COALESCE(@PasswordHash, password_hash),
            updated_at = now()
        WHERE id = @Id
        RETURNING {Columns}
        """;

    /// <returns>The updated user, or null when there is none with that id.</returns>
    /// <exception cref="EmailTakenException">The new email belongs to another user.</exception>
    public Task<UserRecord?> UpdateAsync(Guid id, UserChanges changes, CancellationToken ct) => dataSource.RunAsync(async connection =>
    {
        try
        {
            return await connection.QuerySingleOrDefaultAsync<UserRecord>(new CommandDefinition(
                UpdateSql, new { Id = id, changes.Email, changes.Name, changes.PasswordHash }, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new EmailTakenException(changes.Email!);
        }
    }, ct);

    /// <returns>False when there was no user with that id.</returns>
    public Task<bool> DeleteAsync(Guid id, CancellationToken ct) =>
        dataSource.RunAsync(async connection =>
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM users WHERE id = @id", new { id }, cancellationToken: ct)) == 1, ct);

    private const string PageSql = $"""
        SELECT {Columns} FROM users
        ORDER BY created_at, id
        OFFSET @offset LIMIT @limit
        """;

    public Task<IReadOnlyList<UserRecord>> ListAsync(int offset, int limit, CancellationToken ct) => dataSource.RunAsync<IReadOnlyList<UserRecord>>(async connection =>
    {
        var rows = await connection.QueryAsync<UserRecord>(new CommandDefinition(PageSql, new { offset, limit }, cancellationToken: ct));
        return rows.AsList();
    }, ct);
}
