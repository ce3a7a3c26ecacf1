using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using Shop.ServiceDefaults.Data;

namespace Shop.Testing;

/// <summary>
/// A private database for one test class, cloned from a template migrated once per migration set
/// (CREATE DATABASE ... TEMPLATE takes milliseconds; migrating every time would not). Dropped on dispose.
/// </summary>
public sealed partial class TestDatabase : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Templates = new();
    private static int DatabasesCreated;

    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = TestPostgres.ForDatabase(name);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <param name="prefix">Names the service, e.g. "shop_users".</param>
    /// <param name="migrations">The service assembly whose embedded scripts define the schema.</param>
    public static async Task<TestDatabase> CreateAsync(string prefix, Assembly migrations)
    {
        var template = await Templates.GetOrAdd(prefix, _ => new Lazy<Task<string>>(() => TemplateAsync(prefix, migrations))).Value;
        var name = NewName(prefix);
        await using var admin = await TestPostgres.OpenAdminAsync();
        await admin.ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return new TestDatabase(name);
    }

    /// <summary>
    /// A database name of this run's that nothing exists under yet, for a service to create; dropped on
    /// dispose like the others, whether or not it was created.
    /// </summary>
    public static TestDatabase Missing(string prefix) => new(NewName(prefix));

    /// <summary>A database with nothing in it, not even the migration journal.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(string prefix)
    {
        var name = NewName(prefix);
        await using var admin = await TestPostgres.OpenAdminAsync();
        await admin.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new TestDatabase(name);
    }

    /// <summary>Empties every table but the migration journal, so each test starts from the migrated state.</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = (await connection.QueryAsync<string>(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schemaversions'")).AsList();
        if (tables.Count > 0)
        {
            await connection.ExecuteAsync($"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await using var admin = await TestPostgres.OpenAdminAsync();
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task<string> TemplateAsync(string prefix, Assembly migrations)
    {
        var name = $"{prefix}_template_{DatabaseMigrator.ScriptsDigest(migrations)}";
        await using var admin = await TestPostgres.OpenAdminAsync();
        // Test assemblies run in parallel processes: one builds the template, the others wait for it.
        await admin.ExecuteAsync("SELECT pg_advisory_lock(hashtext(@prefix))", new { prefix });
        try
        {
            await DropLeftoversAsync(admin, prefix, name);
            if (await admin.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", new { name }))
            {
                return name;
            }
            var building = $"{name}_building";
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
            var connectionString = TestPostgres.ForDatabase(building);
            new DatabaseMigrator(connectionString, migrations).Migrate();
            NpgsqlConnection.ClearAllPools();
            // Renamed only when complete, so no one clones a half-migrated template.
            await admin.ExecuteAsync($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
            return name;
        }
        finally
        {
            await admin.ExecuteAsync("SELECT pg_advisory_unlock(hashtext(@prefix))", new { prefix });
        }
    }

    // The process id in the name lets a later run drop what a crashed run left behind.
    private static string NewName(string prefix) => $"{prefix}_t{Environment.ProcessId}_{Interlocked.Increment(ref DatabasesCreated)}";

    /// <summary>Drops templates of older migration sets and databases of test processes that no longer run.</summary>
    private static async Task DropLeftoversAsync(NpgsqlConnection admin, string prefix, string currentTemplate)
    {
        var names = await admin.QueryAsync<string>("SELECT datname FROM pg_database WHERE starts_with(datname, @prefix)", new { prefix = prefix + "_" });
        foreach (var name in names)
        {
            var match = TestDatabaseName().Match(name[prefix.Length..]);
            var stale = name.StartsWith($"{prefix}_template_", StringComparison.Ordinal) && name != currentTemplate
                || match.Success && !ProcessRuns(int.Parse(match.Groups[1].Value));
            if (stale)
            {
                await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
    }

    private static bool ProcessRuns(int pid) => pid == Environment.ProcessId || Directory.Exists($"/proc/{pid}");

    [GeneratedRegex(@"^_t(\d+)_\d+$")]
    private static partial Regex TestDatabaseName();
}
