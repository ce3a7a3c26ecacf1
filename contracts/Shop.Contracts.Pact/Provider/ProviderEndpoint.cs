namespace Shop.Contracts.Pact.Provider;

/// <summary>
/// The provider adapter as a standalone HTTP endpoint (<see cref="GrpcPactVerifier.HostAsync"/>), for a
/// verifier other than ours, such as the official <c>pact verifier</c> CLI: it posts each interaction
/// to <see cref="MessagesPath"/> and provider-state changes to <see cref="StatesUrl"/>, and the adapter
/// replays them on the real provider. Serves until disposed.
/// </summary>
public sealed class ProviderEndpoint : IAsyncDisposable
{
    private readonly IAsyncDisposable adapter;

    internal ProviderEndpoint(IAsyncDisposable adapter, int port)
    {
        this.adapter = adapter;
        Port = port;
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Where the verifier posts interactions (the provider's base path).</summary>
    public string MessagesPath => ProviderAdapter.MessagesPath;

    /// <summary>Where the verifier posts provider-state set-ups and teardowns.</summary>
    public Uri StatesUrl => new($"http://127.0.0.1:{Port}{ProviderAdapter.StatesPath}");

    /// <summary>
    /// The <c>pact verifier</c> arguments that point it at this endpoint (add the pact sources, e.g. <c>-f file</c>):
    /// <c>--hostname 127.0.0.1 --port P --base-path /pact/messages --transports grpc:P/pact/messages
    /// --state-change-url http://127.0.0.1:P/pact/provider-states --state-change-teardown</c>.
    /// </summary>
    public IReadOnlyList<string> VerifierArguments() => VerifierArguments(Port);

    /// <summary>The <c>pact verifier</c> arguments for an endpoint on <paramref name="port"/> (e.g. one another process hosts).</summary>
    public static IReadOnlyList<string> VerifierArguments(int port) =>
    [
        "--hostname", "127.0.0.1",
        "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--base-path", ProviderAdapter.MessagesPath,
        "--transports", $"{GrpcWireKeys.Transport}:{port}{ProviderAdapter.MessagesPath}",
        "--state-change-url", $"http://127.0.0.1:{port}{ProviderAdapter.StatesPath}",
        "--state-change-teardown",
    ];

    /// <summary>Stops serving.</summary>
    public ValueTask DisposeAsync() => adapter.DisposeAsync();
}
