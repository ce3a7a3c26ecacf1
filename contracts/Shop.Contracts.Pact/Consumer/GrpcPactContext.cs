using Grpc.Net.Client;

namespace Shop.Contracts.Pact.Consumer;

/// <summary>What a consumer test talks to: a channel to the mock provider. Build your real client on it.</summary>
public sealed class GrpcPactContext
{
    internal GrpcPactContext(GrpcChannel channel, Uri address)
    {
        Channel = channel;
        Address = address;
    }

    /// <summary>A channel to the mock, e.g. <c>new UserService.UserServiceClient(ctx.Channel)</c>.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The mock's address (<c>http://127.0.0.1:port</c>, HTTP/2 without TLS), for clients built from configuration.</summary>
    public Uri Address { get; }
}
