using Grpc.Core;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Shop.ServiceDefaults.Neighbours;

public static class NeighbourClientExtensions
{
    /// <summary>
    /// A replica that went away (crashed, redeployed) is tried again at most this far apart: once it is back,
    /// it is back in rotation within about this. grpc-dotnet's default, 120 s, would leave it idle for minutes.
    /// </summary>
    public static readonly TimeSpan MaxReconnectBackoff = TimeSpan.FromSeconds(2);

    /// <summary>
    /// This gRPC client calls <paramref name="service"/> at the address its setting <paramref name="key"/> holds
    /// (see <see cref="NeighbourAddress"/> for the forms). A list or a DNS name is balanced with grpc-dotnet's own
    /// resolvers and its <c>round_robin</c> policy: calls go to the replicas whose connections are up, and a replica
    /// whose connection drops is left out until it connects again. The setting is checked when the host starts,
    /// so a service with an unusable address stops there, saying what to set, instead of failing its calls.
    /// </summary>
    /// <param name="runPort">The service's port in <c>./build.sh --target=Run</c>, for the message's example.</param>
    public static IHttpClientBuilder AtNeighbour(this IHttpClientBuilder client, string service, string key, int runPort)
    {
        var services = client.Services;
        services.AddOptions<NeighbourOptions>(service)
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.Key = key;
                options.Address = NeighbourAddress.Parse(configuration[key], service, out var problem);
                options.Problem = problem is null ? null : Required(key, service, runPort, problem);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NeighbourOptions>, NeighbourOptionsValidation>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ResolverFactory, NeighbourListResolverFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ResolverFactory, NeighbourDnsResolverFactory>());
        services.AddOptions<GrpcClientFactoryOptions>(client.Name).Configure<IOptionsMonitor<NeighbourOptions>>(
            (factory, neighbours) => factory.Address = AddressOf(neighbours, service).ChannelAddress);
        // IHttpClientFactory's two logging handlers open a scope and time every call only to log its start and
        // end at Information; gRPC's own client logging and the callers' warnings say what a failure was.
        client.RemoveAllLoggers();
        return client.ConfigureChannel((provider, channel) =>
        {
            channel.MaxReconnectBackoff = MaxReconnectBackoff;
            var address = AddressOf(provider.GetRequiredService<IOptionsMonitor<NeighbourOptions>>(), service);
            if (!address.Balanced) return;
            // A resolved address has no http(s) scheme to say whether to use TLS.
            channel.Credentials = address.Secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
            (channel.ServiceConfig ??= new ServiceConfig()).LoadBalancingConfigs.Add(new RoundRobinConfig());
        });
    }

    /// <summary>What <paramref name="key"/> must hold, for the error when it does not.</summary>
    public static string Required(string key, string service, int runPort, string problem) =>
        $"'{key}' (environment: {key.Replace(":", "__", StringComparison.Ordinal)}) must be the {service} service's address: " +
        $"one http(s) address (e.g. http://127.0.0.1:{runPort}), several separated by commas (one per replica), or " +
        $"dns:///host:port (a name that resolves to every replica, e.g. a Kubernetes headless service); {problem}. " +
        "./build.sh --target=Run sets it.";

    // Checked at start; in a host that never started (a test's), Get throws OptionsValidationException with the problem.
    private static NeighbourAddress AddressOf(IOptionsMonitor<NeighbourOptions> neighbours, string service) => neighbours.Get(service).Address!;
}
