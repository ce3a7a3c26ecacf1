using System.Data;
using Npgsql;

namespace Shop.ServiceDefaults.Data;

/// <summary>
/// The way services use their pooled connections: one unit of work per checkout, and a unit of work that
/// fails never leaves its connection unfit for the next caller.
/// </summary>
/// <remarks>
/// Npgsql (10.0.3) auto-prepares a statement on its fifth use on a physical connection by sending Parse and
/// Bind together. When PostgreSQL accepts the Parse but refuses the Bind (a NUL in a text parameter, 22021; an
/// overflow while planning with the parameter values, 22003), Npgsql keeps the statement marked prepared but
/// without its row description, and the next use of that SQL on that connection fails with "Received
/// unexpected backend message DataRow": one bad caller fails a good one.
/// <list type="bullet">
/// <item>A pool that does not multiplex is repaired here: after any failure the connection forgets its prepared
/// statements (DEALLOCATE ALL, one round trip on the failure path only); they are prepared again after their next
/// uses. Work that succeeds pays nothing.</item>
/// <item>A multiplexing pool (the services' default, <see cref="PostgresRegistration.CreateDataSource"/>) gives a
/// unit of work no physical connection of its own to repair, and Npgsql refuses to unprepare one. There, such
/// values never reach PostgreSQL: every request is validated first (text is single-line, so it holds no NUL;
/// numbers are bounded), and no statement computes with parameters alone, which the planner would fold.</item>
/// </list>
/// </remarks>
public static class PooledConnections
{
    /// <param name="work">Disposes any transaction it begins before it returns or throws (<c>await using</c>).</param>
    public static async Task<T> RunAsync<T>(this NpgsqlDataSource dataSource, Func<NpgsqlConnection, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            return await work(connection);
        }
        catch
        {
            ForgetPreparedStatements(connection);
            throw;
        }
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public static Task RunAsync(this NpgsqlDataSource dataSource, Func<NpgsqlConnection, Task> work, CancellationToken ct) =>
        dataSource.RunAsync(async connection =>
        {
            await work(connection);
            return true;
        }, ct);

    private static void ForgetPreparedStatements(NpgsqlConnection connection)
    {
        // A broken connection is not returned to the pool, and a multiplexing one holds no physical connection
        // of its own (see the remarks): nothing to repair.
        if (connection.FullState != ConnectionState.Open || new NpgsqlConnectionStringBuilder(connection.ConnectionString).Multiplexing) return;
        try
        {
            connection.UnprepareAll();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // Not even that worked (a transaction left open and aborted, say): this connection must not be
            // handed out again, so the pool drops it, and its idle neighbours, rather than risk it.
            NpgsqlConnection.ClearPool(connection);
        }
    }
}
