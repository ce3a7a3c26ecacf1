using Dapper;
using Npgsql;
using Shop.Build.Mesh;
using Shop.Testing;
using OrdersProgram = Shop.Orders.Program;

namespace Shop.Orders.Tests;

/// <summary>
/// Replicas of orders started at the same moment, as a rolling deploy or a scale-up starts them: each creates
/// and migrates its database at start (the service with the most scripts, so the longest window for a race).
/// </summary>
[TestClass]
public sealed class ConcurrentStartTests
{
    private const int Replicas = 3;

    [TestMethod]
    public async Task Replicas_started_together_on_a_missing_database_all_serve_and_the_schema_is_migrated_once()
    {
        await using var database = TestDatabase.Missing("shop_orders");

        await StartTogetherAndAssertServingAsync(database, "missing");

        await AssertMigratedOnceAsync(database);
    }

    [TestMethod]
    public async Task Replicas_started_together_on_an_empty_database_all_serve_and_the_schema_is_migrated_once()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("shop_orders");

        await StartTogetherAndAssertServingAsync(database, "empty");

        await AssertMigratedOnceAsync(database);
    }

    private static async Task StartTogetherAndAssertServingAsync(TestDatabase database, string run)
    {
        var ports = LoopbackPorts.Free(Replicas);
        var replicas = new List<ServiceProcess>();
        try
        {
            foreach (var (port, replica) in ports.Select((port, i) => (port, i + 1)))
            {
                replicas.Add(ServiceProcess.Start("orders", ServiceProcess.BuiltDll("services", "Shop.Orders"), port, OrdersProcessEnvironment.For(database.ConnectionString),
                    Path.Combine(OrdersProcessEnvironment.Logs, $"orders-start-{run}-{replica}-{Environment.ProcessId}.log")));
            }
            // ProcessHealth fails for a replica that stopped (as one did on 23505 before the migration lock).
            await Task.WhenAll(replicas.Select(ProcessHealth.WaitUntilServingAsync));
            Assert.IsFalse(replicas.Any(r => r.HasExited), "a replica stopped after reporting SERVING");
        }
        finally
        {
            replicas.ForEach(r => r.Dispose());
            // The replicas' connections are gone with them; ours to the database must not keep it from being dropped.
            NpgsqlConnection.ClearAllPools();
        }
    }

    // Each script once in the journal, and the schema the last one leaves behind.
    private static async Task AssertMigratedOnceAsync(TestDatabase database)
    {
        var scripts = typeof(OrdersProgram).Assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Migrations.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        var journal = (await connection.QueryAsync<string>("SELECT scriptname FROM schemaversions ORDER BY scriptname")).ToList();
        CollectionAssert.AreEqual(scripts, journal);
        Assert.IsTrue(await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'order_events' AND column_name = 'next_attempt_at')"),
            "the last script's column");
    }
}
