using global::Grpc.Health.V1;
using global::Grpc.Net.Client;

namespace Shop.ServiceDefaults;

/// <summary>
/// <c>dotnet Shop.Users.dll --health-probe [address]</c>: asks a running service's grpc.health.v1
/// and exits 0 when it is SERVING, 1 otherwise. Container health checks use it, since the runtime
/// image has no gRPC health client of its own.
/// </summary>
public static class HealthProbe
{
    public const string Argument = "--health-probe";

    /// <returns>The probe's exit code, or null when the arguments do not ask for a probe.</returns>
    public static int? RunIfRequested(string[] args)
    {
        var at = Array.IndexOf(args, Argument);
        if (at < 0) return null;
        var address = at + 1 < args.Length ? args[at + 1] : "http://127.0.0.1:8080";
        try
        {
            using var channel = GrpcChannel.ForAddress(address);
            var reply = new Health.HealthClient(channel).Check(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(3));
            Console.WriteLine($"{address}: {reply.Status}");
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
        }
        catch (Exception e) when (e is global::Grpc.Core.RpcException or UriFormatException or InvalidOperationException)
        {
            Console.Error.WriteLine($"{address}: {e.Message}");
            return 1;
        }
    }
}
