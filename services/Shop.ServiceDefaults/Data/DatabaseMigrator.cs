using System.Reflection;
using DbUp;
using DbUp.Engine.Output;
using Npgsql;

namespace Shop.ServiceDefaults.Data;

/// <summary>
/// Applies the ordered SQL scripts embedded in a service assembly (<c>Migrations/0001_*.sql</c>),
/// creating the database first when it does not exist. Each script runs once, recorded in <c>schemaversions</c>.
/// </summary>
/// <remarks>
/// Any number of replicas may start at once on a missing, empty or older database: creating the database
/// and running the scripts each happen under a PostgreSQL advisory lock, so one replica does the work while
/// the others wait, then find the database there and the journal current. Without the locks, two replicas
/// both ran CREATE DATABASE or the same script, and one of them stopped on 23505.
/// </remarks>
public sealed class DatabaseMigrator(string connectionString, Assembly scripts)
{
    public void Migrate()
    {
        CreateDatabaseUnlessItExists();
        // Advisory locks belong to one database, so the scripts' lock is taken in the database they change.
        using var session = LockedSession(connectionString, "shop.migrations");
        var result = DeployChanges.To.PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(scripts, name => name.Contains(".Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }
    }

    private void CreateDatabaseUnlessItExists()
    {
        // The usual case, and the only one where the service's role may not reach the maintenance database
        // (a managed PostgreSQL that hands out one database per role): nothing to create, no lock needed.
        try
        {
            using var existing = Open(connectionString);
            return;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
        }
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString;
        using var session = LockedSession(maintenance, $"shop.create-database:{database}");
        // Checks again under the lock: the replica that held it before may have just created it.
        EnsureDatabase.For.PostgresqlDatabase(connectionString, new NoOpUpgradeLog());
    }

    /// <summary>
    /// A session of its own (not pooled: its end is the lock's end) holding the advisory lock named
    /// <paramref name="name"/>, waiting as long as another session holds it. A replica that dies holding it
    /// loses its session, and with it the lock, so the wait cannot outlive the work it waits for.
    /// </summary>
    private static NpgsqlConnection LockedSession(string connectionString, string name)
    {
        var connection = Open(connectionString);
        try
        {
            using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(@name, 0))", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("name", name);
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static NpgsqlConnection Open(string connectionString)
    {
        // A session of its own: its advisory lock is its own, which a multiplexing pool could not promise.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Multiplexing = false }.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A stable digest of the scripts, so tests can reuse a migrated template database while they are unchanged.</summary>
    public static string ScriptsDigest(Assembly scripts)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var name in scripts.GetManifestResourceNames().Where(n => n.Contains(".Migrations.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            using var stream = scripts.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            hash.AppendData(buffer.ToArray());
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
