using Npgsql;

namespace Shop.Testing;

/// <summary>
/// The PostgreSQL server tests use: SHOP_POSTGRES (set by ./build.sh), else the private cluster
/// that <c>./build.sh --target=Db-Up</c> starts (on SHOP_PG_PORT, as the build reads it, default 55432).
/// </summary>
public static class TestPostgres
{
    public static string ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable("SHOP_POSTGRES") is { Length: > 0 } configured
            ? configured
            : $"Host=127.0.0.1;Port={(Environment.GetEnvironmentVariable("SHOP_PG_PORT") is { Length: > 0 } port ? port : "55432")};Username=postgres";

    public static string ForDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true }.ConnectionString;

    public static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var connection = new NpgsqlConnection(ForDatabase("postgres"));
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (NpgsqlException e)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                "PostgreSQL is not reachable. Run the tests through ./build.sh --target=Test (it starts a private cluster), " +
                "start it with ./build.sh --target=Db-Up, or set SHOP_POSTGRES.", e);
        }
    }
}
