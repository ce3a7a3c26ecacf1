using Dapper;
using Npgsql;
using Shop.ServiceDefaults.Data;
using Shop.Testing;

[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]

namespace Shop.ServiceDefaults.Tests;

/// <summary>
/// A command PostgreSQL refuses at Bind, on the use that makes Npgsql auto-prepare it, must not fail the
/// next caller of the same pooled connection (issue 12, "one bad call poisons a pooled connection").
/// </summary>
[TestClass]
public sealed class PooledConnectionsTests
{
    // A statement with a row description and a parameter PostgreSQL can refuse while binding: a NUL in
    // text (22021), or an overflow the planner meets folding the value into the statement (22003).
    private const string TextSql = "SELECT length(@value::text) AS length, 1 AS one";
    private const string ProductSql = "SELECT x FROM (VALUES (1)) AS v(x) WHERE x < @value * 1000";

    public static IEnumerable<object[]> RefusedAtBind =>
    [
        [TextSql, "ok", "a\0b", "22021"],
        [ProductSql, 1, 5_000_000, "22003"],
    ];

    [TestMethod]
    [DynamicData(nameof(RefusedAtBind))]
    public async Task Without_it_the_bug_is_there_a_refused_bind_on_the_auto_prepared_use_fails_the_next_caller(
        string sql, object good, object bad, string sqlState)
    {
        // The control: proves the sequence below reaches the Npgsql defect. When Npgsql fixes it, this test
        // fails, and PooledConnections' repair can go.
        await using var dataSource = SingleConnectionDataSource();
        var failures = new List<Exception>();
        foreach (var (value, expectFailure) in BadOnThePreparingUse(dataSource, good, bad))
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await connection.QueryAsync(sql, new { value });
            }
            catch (Exception e) when (!expectFailure)
            {
                failures.Add(e);
            }
            catch (PostgresException e) when (expectFailure)
            {
                Assert.AreEqual(sqlState, e.SqlState);
            }
        }
        Assert.IsNotEmpty(failures, "a good call failed after the bad one");
        StringAssert.Contains(failures[0].Message, "unexpected backend message");
    }

    [TestMethod]
    [DynamicData(nameof(RefusedAtBind))]
    public async Task A_refused_bind_never_fails_the_next_unit_of_work_on_the_same_connection(
        string sql, object good, object bad, string sqlState)
    {
        await using var dataSource = SingleConnectionDataSource();
        foreach (var (value, expectFailure) in BadOnThePreparingUse(dataSource, good, bad))
        {
            if (expectFailure)
            {
                var refused = await Assert.ThrowsExactlyAsync<PostgresException>(() =>
                    dataSource.RunAsync(connection => connection.QueryAsync(sql, new { value }), CancellationToken.None));
                Assert.AreEqual(sqlState, refused.SqlState);
            }
            else
            {
                var rows = await dataSource.RunAsync(connection => connection.QueryAsync(sql, new { value }), CancellationToken.None);
                Assert.HasCount(1, rows);
            }
        }
    }

    [TestMethod]
    public async Task A_unit_of_work_failing_inside_its_transaction_writes_nothing_and_the_statement_works_next_time()
    {
        const string InsertReturning = "INSERT INTO t (v) VALUES (@v) RETURNING v";
        await using var dataSource = SingleConnectionDataSource();
        await dataSource.RunAsync(connection => connection.ExecuteAsync("CREATE TEMPORARY TABLE t (v text)"), CancellationToken.None);
        // Refused every time, so also on the use that auto-prepares it.
        for (var i = 0; i < 8; i++)
        {
            await Assert.ThrowsExactlyAsync<PostgresException>(() => dataSource.RunAsync(async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await connection.ExecuteAsync("INSERT INTO t VALUES ('rolled back')", transaction: transaction);
                await connection.QuerySingleAsync<string>(InsertReturning, new { v = "a\0b" }, transaction);
                await transaction.CommitAsync();
            }, CancellationToken.None));
        }

        var stored = await dataSource.RunAsync(connection => connection.QuerySingleAsync<string>(InsertReturning, new { v = "valid" }), CancellationToken.None);

        Assert.AreEqual("valid", stored);
        var rows = await dataSource.RunAsync(connection => connection.ExecuteScalarAsync<long>("SELECT count(*) FROM t"), CancellationToken.None);
        Assert.AreEqual(1L, rows, "the failed units of work wrote nothing");
    }

    [TestMethod]
    public async Task With_multiplexing_there_is_no_connection_to_repair_and_the_bug_stays()
    {
        // The control for the services' default pool: PooledConnections cannot repair a multiplexing pool, so
        // there the API's validation must keep such values from PostgreSQL (PooledConnections' remarks). When
        // Npgsql fixes the defect, this test fails, and that caveat can go.
        await using var dataSource = SingleConnectionDataSource(multiplexing: true);
        var failures = new List<Exception>();
        foreach (var (value, expectFailure) in BadOnThePreparingUse(dataSource, "ok", "a\0b"))
        {
            try
            {
                await dataSource.RunAsync(connection => connection.QueryAsync(TextSql, new { value }), CancellationToken.None);
            }
            catch (Exception e) when (!expectFailure)
            {
                failures.Add(e);
            }
            catch (PostgresException e) when (expectFailure)
            {
                Assert.AreEqual("22021", e.SqlState);
            }
        }
        Assert.IsNotEmpty(failures, "a good call failed after the bad one");
        StringAssert.Contains(failures[0].Message, "unexpected backend message");
    }

    [TestMethod]
    public void The_services_pools_multiplex_unless_their_connection_string_says_otherwise()
    {
        var plain = TestPostgres.ForDatabase("postgres");
        using var byDefault = PostgresRegistration.CreateDataSource(plain);
        using var chosen = PostgresRegistration.CreateDataSource($"{plain};Multiplexing=false");

        Assert.IsTrue(new NpgsqlConnectionStringBuilder(byDefault.ConnectionString).Multiplexing);
        Assert.IsFalse(new NpgsqlConnectionStringBuilder(chosen.ConnectionString).Multiplexing);
    }

    // One physical connection, configured as the services configure theirs, so that every call reuses it
    // and the bad call lands on the use that auto-prepares the statement, whatever that threshold is. The
    // repair is for a pool that does not multiplex (PooledConnections' remarks), unless asked for one that does.
    private static NpgsqlDataSource SingleConnectionDataSource(bool multiplexing = false) =>
        PostgresRegistration.CreateDataSource(new NpgsqlConnectionStringBuilder(TestPostgres.ForDatabase("postgres"))
        {
            MaxPoolSize = 1,
            Multiplexing = multiplexing,
            ApplicationName = "shop-pooled-connections-test",
        }.ConnectionString);

    // Good calls, the bad one on the use that makes Npgsql auto-prepare the statement, then good calls again.
    private static IEnumerable<(object Value, bool Bad)> BadOnThePreparingUse(NpgsqlDataSource dataSource, object good, object bad)
    {
        var preparingUse = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).AutoPrepareMinUsages;
        return Enumerable.Range(1, preparingUse + 3).Select(use => use == preparingUse ? (bad, true) : (good, false));
    }
}
