using Dapper;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Shop.Testing;

namespace Shop.Mesh.Tests;

/// <summary>Every service answers grpc.health.v1: SERVING with its database, NOT_SERVING without it, and SERVING again after.</summary>
[TestClass]
public sealed class HealthTests : MeshTest
{
    [TestMethod]
    public async Task Each_service_is_not_serving_while_its_database_refuses_connections()
    {
        var services = new (string Name, GrpcChannel Channel, string Database)[]
        {
            ("users", Mesh.Users.Channel, Mesh.UsersDatabase.Name),
            ("orders", Mesh.Orders.Channel, Mesh.OrdersDatabase.Name),
            ("notifications", Mesh.Notifications.Channel, Mesh.NotificationsDatabase.Name),
        };
        foreach (var (name, channel, database) in services)
        {
            var health = new Health.HealthClient(channel);
            Assert.AreEqual(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status, name);

            await AllowConnectionsAsync(database, false);
            try
            {
                Assert.AreEqual(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status, name);
            }
            finally
            {
                await AllowConnectionsAsync(database, true);
            }

            Assert.AreEqual(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status, name);
        }
    }

    // Refusing new connections and ending the open ones is what the service sees when its database goes away.
    private static async Task AllowConnectionsAsync(string database, bool allow)
    {
        await using var admin = await TestPostgres.OpenAdminAsync();
        await admin.ExecuteAsync($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS {allow.ToString().ToLowerInvariant()}");
        if (!allow)
        {
            await admin.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @database", new { database });
        }
    }
}
