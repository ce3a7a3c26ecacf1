using Dapper;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Shop.ServiceDefaults;
using Shop.Testing;

namespace Shop.Mesh.Tests;

/// <summary>
/// Every service answers grpc.health.v1: SERVING with its database, NOT_SERVING without it, and SERVING again after;
/// its "liveness" service (Kubernetes' liveness probe) stays SERVING throughout, so an outage makes pods unready, not restarted.
/// </summary>
[TestClass]
public sealed class HealthTests : MeshTest
{
    [TestMethod]
    public async Task Each_service_is_not_serving_while_its_database_refuses_connections()
    {
        // Each failing health check is logged as an error, as it should be outside this test.
        ServerLog.Current!.ExpectErrors(e => e.Message.Contains("Health check database with status Unhealthy"));
        var services = new (string Name, GrpcChannel Channel, string Database)[]
        {
            ("users", Mesh.Users.Channel, Mesh.UsersDatabase.Name),
            ("orders", Mesh.Orders.Channel, Mesh.OrdersDatabase.Name),
            ("notifications", Mesh.Notifications.Channel, Mesh.NotificationsDatabase.Name),
        };
        foreach (var (name, channel, database) in services)
        {
            var health = new Health.HealthClient(channel);
            await AssertBecomesAsync(HealthCheckResponse.Types.ServingStatus.Serving, health, name);

            await AllowConnectionsAsync(database, false);
            try
            {
                await AssertBecomesAsync(HealthCheckResponse.Types.ServingStatus.NotServing, health, name);
                var liveness = await health.CheckAsync(new HealthCheckRequest { Service = ServiceDefaultsExtensions.LivenessService });
                Assert.AreEqual(HealthCheckResponse.Types.ServingStatus.Serving, liveness.Status, $"{name}'s liveness");
            }
            finally
            {
                await AllowConnectionsAsync(database, true);
            }

            await AssertBecomesAsync(HealthCheckResponse.Types.ServingStatus.Serving, health, name);
        }
    }

    // A status follows the database with a lag (a pooled connection found dead, a new one opened), so
    // each is polled for, within a bound.
    private static async Task AssertBecomesAsync(HealthCheckResponse.Types.ServingStatus expected, Health.HealthClient health, string name)
    {
        var bound = TimeSpan.FromSeconds(15);
        var status = await Poll.UntilAsync(
            async () => (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5))).Status,
            status => status == expected, bound);
        Assert.AreEqual(expected, status, $"{name} within {bound.TotalSeconds:0} s");
    }

    // Refusing new connections and ending the open ones is what the service sees when its database goes away.
    private static async Task AllowConnectionsAsync(string database, bool allow)
    {
        await using var admin = await TestPostgres.OpenAdminAsync();
        await admin.ExecuteAsync($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS {allow.ToString().ToLowerInvariant()}");
        if (!allow)
        {
            // pg_terminate_backend only signals unless given a timeout: wait (up to 5 s) for each to end.
            await admin.ExecuteAsync("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = @database", new { database });
        }
    }
}
