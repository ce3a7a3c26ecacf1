using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Shop.Build.Mesh;

namespace Shop.Testing;

/// <summary>When a service started as a process is ready for a test: listening, then reporting SERVING.</summary>
public static class ProcessHealth
{
    public static async Task WaitUntilServingAsync(ServiceProcess process)
    {
        await process.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
        using var channel = GrpcChannel.ForAddress(process.Address);
        var health = new Health.HealthClient(channel);
        var bound = TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + bound;
        var status = await Poll.UntilAsync(() => StatusAsync(health, deadline), s => s == HealthCheckResponse.Types.ServingStatus.Serving, bound);
        if (status != HealthCheckResponse.Types.ServingStatus.Serving) throw new ServiceProcessException($"{process.Name} did not report SERVING; see {process.LogFile}.");
    }

    // Listening is not yet answering: a check may be refused or go unanswered while the service starts,
    // and each is bounded so that one lost call cannot outlast the wait for SERVING.
    private static async Task<HealthCheckResponse.Types.ServingStatus?> StatusAsync(Health.HealthClient health, DateTime waitUntil)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        try
        {
            return (await health.CheckAsync(new HealthCheckRequest(), deadline: deadline < waitUntil ? deadline : waitUntil)).Status;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            return null;
        }
    }
}
