using System.Data.Common;
using System.Reflection;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Shop.ServiceDefaults.Data;

public static class PostgresRegistration
{
    /// <summary>One pooled <see cref="NpgsqlDataSource"/> for the service's database, and its migrator.</summary>
    public static void AddPostgres(this WebApplicationBuilder builder, string database, Assembly migrations)
    {
        // Columns are snake_case, C# properties PascalCase.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        builder.Services.AddSingleton(services => CreateDataSource(ConnectionString(services, database)));
        builder.Services.AddSingleton(services =>
            new DatabaseMigrator(ConnectionString(services, database), migrations));
    }

    private const int DefaultMaxPoolSize = 100;

    /// <summary>Connections per service: four per core.</summary>
    public static int PoolSize { get; } = 4 * Environment.ProcessorCount;

    /// <summary>
    /// The data source as every service configures it. Use its connections through
    /// <see cref="PooledConnections.RunAsync{T}"/>, which keeps a failed command from harming the next caller.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var dataSource = new NpgsqlDataSourceBuilder(connectionString);
        // Our SQL is a few fixed statements run over and over: prepare each on first use per pooled
        // connection, so PostgreSQL skips parse and plan (the Bench target measures the difference).
        // A connection string that sets Max Auto Prepare keeps its own value.
        if (dataSource.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            dataSource.ConnectionStringBuilder.MaxAutoPrepare = 100;
        }
        // Nothing here changes session state (no SET, temporary tables, advisory locks or LISTEN), so the
        // reset statements Npgsql would otherwise send with the first command of every pooled checkout
        // are pure cost (Bench: ListNotifications went from about 5,700 to 9,700 calls/s without them).
        // Prepared statements survive a reset either way: what a failed command leaves behind is repaired by
        // PooledConnections, not by resetting.
        dataSource.ConnectionStringBuilder.NoResetOnClose = true;
        // PostgreSQL does most with a few busy backends per core (the Bench target's pgbench sweep: best at 4 to 16
        // clients on 2 cores); Npgsql's default of up to 100 lets every call in flight become one, where it does worst.
        // Calls beyond the pool wait for a connection in the pool's queue. A connection string that sets another
        // Max Pool Size than Npgsql's default (100) keeps it.
        if (dataSource.ConnectionStringBuilder.MaxPoolSize == DefaultMaxPoolSize)
        {
            dataSource.ConnectionStringBuilder.MaxPoolSize = PoolSize;
        }
        // Multiplexing: commands from concurrent calls share the pooled connections and go out together, so
        // PostgreSQL's backends read and answer several per wake-up (Bench, GetUser: PostgreSQL's CPU per call
        // halved, calls/s up by half). A connection string that names Multiplexing keeps its value.
        if (!Names(connectionString, "Multiplexing"))
        {
            dataSource.ConnectionStringBuilder.Multiplexing = true;
        }
        return dataSource.Build();
    }

    private static bool Names(string connectionString, string keyword) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey(keyword);

    private static string ConnectionString(IServiceProvider services, string database)
    {
        var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(database);
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                $"No connection string 'ConnectionStrings:{database}' (environment: ConnectionStrings__{database}). " +
                "Start the mesh with ./build.sh --target=Run, which runs a private PostgreSQL, or set it.")
            : connectionString;
    }
}
