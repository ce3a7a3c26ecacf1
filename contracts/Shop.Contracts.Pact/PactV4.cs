using Shop.Contracts.Pact.Consumer;
using Shop.Contracts.Pact.Engine;

namespace Shop.Contracts.Pact;

/// <summary>A V4 contract between a consumer and a provider, before its kind of interactions is chosen (<see cref="Pact.V4"/>).</summary>
public sealed class PactV4
{
    private readonly PactConfig config;
    private readonly IPactEngine engine;

    internal PactV4(string consumer, string provider, PactConfig config, IPactEngine engine)
    {
        Consumer = consumer;
        Provider = provider;
        this.config = config;
        this.engine = engine;
    }

    /// <summary>The consumer's name as it appears in the pact file.</summary>
    public string Consumer { get; }

    /// <summary>The provider's name; the provider's verifier selects pacts by it.</summary>
    public string Provider { get; }

    /// <summary>Unary gRPC calls, recorded as synchronous messages with transport <c>grpc</c>.</summary>
    public GrpcPactBuilder WithGrpcInteractions() => new(Consumer, Provider, config, engine);
}
