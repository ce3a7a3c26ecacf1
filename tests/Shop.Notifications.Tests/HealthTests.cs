using Grpc.Health.V1;

namespace Shop.Notifications.Tests;

[TestClass]
public sealed class HealthTests : NotificationsTest
{
    [TestMethod]
    public async Task Health_reports_serving_while_the_database_answers()
    {
        var health = new Health.HealthClient(Fixture.Host.Channel);
        var reply = await health.CheckAsync(new HealthCheckRequest());
        Assert.AreEqual(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }
}
