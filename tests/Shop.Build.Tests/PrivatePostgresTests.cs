using System.Net;
using System.Net.Sockets;
using Npgsql;
using Shop.Build.Mesh;
using Shop.Build.Postgres;

namespace Shop.Build.Tests;

/// <summary>The cluster Db-Up starts, made here in a folder and on a port of its own beside the build's.</summary>
[TestClass]
public sealed class PrivatePostgresTests
{
    private readonly List<string> said = [];
    private string folder = null!;
    private PrivatePostgres postgres = null!;

    [TestInitialize]
    public void CreateFolder()
    {
        // Beside the build's own cluster in .shop, which the postgres account can reach when the tests run as root.
        folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Folder, ".shop", "test-pg", Guid.NewGuid().ToString("N"))).FullName;
        postgres = new PrivatePostgres(Path.Combine(folder, "pg"), LoopbackPorts.Free(), said.Add);
    }

    [TestCleanup]
    public void RemoveCluster()
    {
        postgres.Stop();
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public async Task Start_creates_a_cluster_that_answers_and_keeps_its_data_when_stopped_and_started_again()
    {
        postgres.Start();

        Assert.IsTrue(postgres.IsRunning());
        Assert.IsTrue(said.Any(s => s.Contains("Creating a PostgreSQL cluster", StringComparison.Ordinal)), string.Join("\n", said));
        await ExecuteAsync("CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");

        postgres.Stop();
        Assert.IsFalse(postgres.IsRunning());
        Assert.IsFalse(LoopbackPorts.IsListening(postgres.Port));

        said.Clear();
        postgres.Start();
        Assert.IsEmpty(said, "the cluster is reused, not created again");
        Assert.AreEqual(42, await ExecuteAsync("SELECT id FROM kept"));
    }

    [TestMethod]
    public async Task Start_when_already_running_changes_nothing()
    {
        postgres.Start();
        await ExecuteAsync("CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");

        postgres.Start();

        Assert.AreEqual(7, await ExecuteAsync("SELECT id FROM kept"));
    }

    [TestMethod]
    public void Start_on_a_port_another_server_holds_says_so_and_creates_nothing()
    {
        using var other = new TcpListener(IPAddress.Loopback, postgres.Port);
        other.Start();

        var error = Assert.ThrowsExactly<PrivatePostgresException>(postgres.Start);

        StringAssert.Contains(error.Message, $"Port {postgres.Port} is taken");
        StringAssert.Contains(error.Message, "SHOP_PG_PORT");
        Assert.IsFalse(File.Exists(Path.Combine(postgres.DataDirectory, "PG_VERSION")));
    }

    [TestMethod]
    public void Stop_without_a_cluster_does_nothing()
    {
        postgres.Stop();

        Assert.IsFalse(postgres.IsRunning());
        Assert.IsFalse(Directory.Exists(postgres.DataDirectory));
    }

    private async Task<object?> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection($"{postgres.ConnectionString};Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
