using System.Reflection;
using DbUp;
using DbUp.Engine.Output;

namespace Shop.ServiceDefaults.Data;

/// <summary>
/// Applies the ordered SQL scripts embedded in a service assembly (<c>Migrations/0001_*.sql</c>),
/// creating the database first when it does not exist. Each script runs once, recorded in <c>schemaversions</c>.
/// </summary>
public sealed class DatabaseMigrator(string connectionString, Assembly scripts)
{
    public void Migrate()
    {
        EnsureDatabase.For.PostgresqlDatabase(connectionString, new NoOpUpgradeLog());
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
