using Google.Protobuf.Reflection;
using Grpc.Core;
using Shop.Contracts.Pact.Engine;
using Shop.Contracts.Pact.Wire;

namespace Shop.Contracts.Pact.Provider;

/// <summary>
/// Verifies a gRPC provider against the pacts its consumers wrote, with the Pact engine's verifier.
/// The engine sends each interaction to a small HTTP adapter hosted here, which calls the real
/// provider through the channel you give (e.g. one over <c>WebApplicationFactory</c>'s handler, so
/// the real service and database answer).
/// <code>
/// await new GrpcPactVerifier("users")
///     .WithProviderChannel(channel)
///     .WithServices(UserService.Descriptor, AuthService.Descriptor)
///     .WithProviderState("a user exists", async p => await SeedUserAsync((string)p["userId"]!))
///     .WithDirectorySource(new DirectoryInfo(pactDir))
///     .VerifyAsync();   // throws PactVerificationException naming each failed interaction and field
/// </code>
/// </summary>
public sealed class GrpcPactVerifier
{
    private readonly IPactEngine engine;
    private readonly List<ServiceDescriptor> services = [];
    private readonly List<(bool IsDirectory, string Path)> sources = [];
    private readonly Dictionary<string, Func<IReadOnlyDictionary<string, object?>, Task>> states = new(StringComparer.Ordinal);
    private ProviderStateHandler? setUp;
    private ProviderStateHandler? tearDown;
    private ProviderStateValues? values;
    private CallInvoker? provider;
    private TimeSpan callTimeout = TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, Func<ProviderRequest, string>> customHeaders = new(StringComparer.Ordinal);

    /// <summary>Verifies the provider called <paramref name="provider"/> in the pacts ("users").</summary>
    public GrpcPactVerifier(string provider)
        : this(provider, NativePactEngine.Instance)
    {
    }

    internal GrpcPactVerifier(string provider, IPactEngine engine)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        Provider = provider;
        this.engine = engine;
    }

    /// <summary>The provider name pacts are selected by.</summary>
    public string Provider { get; }

    /// <summary>The channel to the real provider the interactions are replayed on.</summary>
    public GrpcPactVerifier WithProviderChannel(ChannelBase channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        provider = channel.CreateCallInvoker();
        return this;
    }

    /// <summary>The services the provider serves (generated <c>XService.Descriptor</c>); pact requests are read with their types.</summary>
    public GrpcPactVerifier WithServices(params ServiceDescriptor[] services)
    {
        this.services.AddRange(services);
        return this;
    }

    /// <summary>Verifies one pact file.</summary>
    public GrpcPactVerifier WithFileSource(FileInfo pactFile)
    {
        ArgumentNullException.ThrowIfNull(pactFile);
        sources.Add((false, pactFile.FullName));
        return this;
    }

    /// <summary>Verifies every pact in <paramref name="directory"/> whose provider is <see cref="Provider"/>.</summary>
    public GrpcPactVerifier WithDirectorySource(DirectoryInfo directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        sources.Add((true, directory.FullName));
        return this;
    }

    /// <summary>Sets up the named provider state before each interaction that needs it; parameters come from the consumer's <c>Given</c>.</summary>
    public GrpcPactVerifier WithProviderState(string state, Func<IReadOnlyDictionary<string, object?>, Task> setUp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        states[state] = setUp;
        return this;
    }

    /// <summary>
    /// One handler for every provider state (instead of, or as a fallback after, <see cref="WithProviderState"/>),
    /// and optionally a teardown after each interaction. Throw for an unknown state.
    /// </summary>
    public GrpcPactVerifier WithProviderStates(ProviderStateHandler setUp, ProviderStateHandler? tearDown = null)
    {
        this.setUp = setUp;
        this.tearDown = tearDown;
        return this;
    }

    /// <summary>
    /// The values set-up states make that requests take from them (<c>Match.FromProviderState</c>), e.g. the
    /// token of a second page; the states' parameters are available without this.
    /// </summary>
    public GrpcPactVerifier WithProviderStateValues(ProviderStateValues values)
    {
        this.values = values;
        return this;
    }

    /// <summary>
    /// Sends <paramref name="value"/> as the request metadata <paramref name="name"/> (a gRPC header) in place
    /// of the pact's example, as PactNet's <c>WithCustomHeader</c> and Pact's request filters supply real
    /// credentials: <c>.WithCustomHeader("authorization", r => "Bearer " + TokenFor((string)r.Parameters["userId"]!))</c>.
    /// Only requests the consumer recorded with that metadata get it: one recorded without credentials is
    /// replayed without them, so a provider that stops refusing anonymous calls fails that interaction.
    /// </summary>
    public GrpcPactVerifier WithCustomHeader(string name, Func<ProviderRequest, string> value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        customHeaders[name.ToLowerInvariant()] = value;
        return this;
    }

    /// <summary>The same value for every request that carries <paramref name="name"/> (see <see cref="WithCustomHeader(string, Func{ProviderRequest, string})"/>).</summary>
    public GrpcPactVerifier WithCustomHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return WithCustomHeader(name, _ => value);
    }

    /// <summary>The deadline of each replayed call (default 10 s).</summary>
    public GrpcPactVerifier WithCallTimeout(TimeSpan timeout)
    {
        callTimeout = timeout;
        return this;
    }

    /// <summary>Verifies and throws <see cref="PactVerificationException"/> unless every interaction passed (and there was at least one).</summary>
    public async Task<GrpcPactVerificationResult> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(cancellationToken).ConfigureAwait(false);
        return result.Passed ? result : throw new PactVerificationException(result.Describe());
    }

    /// <summary>
    /// Hosts the provider adapter as a standalone HTTP endpoint on 127.0.0.1, with this verifier's provider,
    /// services and states, for another verifier such as the official <c>pact verifier</c> CLI
    /// (<see cref="ProviderEndpoint.VerifierArguments()"/>); it serves until disposed. The sources are that verifier's.
    /// </summary>
    /// <param name="port">The port on 127.0.0.1; 0 (the default) takes a free one.</param>
    public async Task<ProviderEndpoint> HostAsync(int port = 0)
    {
        var provider = RequireProvider();
        var adapter = await ProviderAdapter.StartAsync(provider, services, SetUpAsync, tearDown, values, callTimeout, customHeaders, port).ConfigureAwait(false);
        return new ProviderEndpoint(adapter, adapter.Port);
    }

    /// <summary>Verifies and returns the outcome without throwing for a failed verification.</summary>
    public async Task<GrpcPactVerificationResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var provider = RequireProvider();

        if (sources.Count == 0)
        {
            throw new InvalidOperationException("Call WithFileSource(...) or WithDirectorySource(...).");
        }

        foreach (var (isDirectory, path) in sources)
        {
            if (isDirectory ? !Directory.Exists(path) : !File.Exists(path))
            {
                throw new FileNotFoundException($"The pact source '{path}' does not exist.", path);
            }
        }

        await using var adapter = await ProviderAdapter.StartAsync(provider, services, SetUpAsync, tearDown, values, callTimeout, customHeaders)
            .ConfigureAwait(false);

        // The engine blocks while it verifies and calls back into the adapter: keep it off Kestrel's threads.
        return await Task.Factory.StartNew(
            () => RunEngine(adapter), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
    }

    private CallInvoker RequireProvider()
    {
        if (provider is null)
        {
            throw new InvalidOperationException("Call WithProviderChannel(...) with a channel to the provider.");
        }

        return services.Count > 0 ? provider : throw new InvalidOperationException("Call WithServices(...) with the provider's service descriptors.");
    }

    private Task SetUpAsync(string state, IReadOnlyDictionary<string, object?> parameters)
    {
        if (states.TryGetValue(state, out var setUp))
        {
            return setUp(parameters);
        }

        return this.setUp is not null
            ? this.setUp(state, parameters)
            : throw new KeyNotFoundException(
                $"Unknown provider state '{state}'. Known states: {(states.Count == 0 ? "(none)" : string.Join(", ", states.Keys.Select(k => $"'{k}'")))}.");
    }

    private GrpcPactVerificationResult RunEngine(ProviderAdapter adapter)
    {
        using var verifier = engine.NewVerifier();
        verifier.SetProviderInfo(Provider, "http", "127.0.0.1", adapter.Port, ProviderAdapter.MessagesPath);
        verifier.AddTransport(GrpcWireKeys.Transport, adapter.Port, ProviderAdapter.MessagesPath, "http");
        verifier.AddTransport(GrpcWireKeys.MessageTransport, adapter.Port, ProviderAdapter.MessagesPath, "http");
        verifier.SetProviderStateUrl(adapter.StatesUrl, teardown: true);
        verifier.SetVerificationOptions(TimeSpan.FromMilliseconds(Math.Max(1000, callTimeout.TotalMilliseconds + 5000)));
        foreach (var (isDirectory, path) in sources)
        {
            if (isDirectory)
            {
                verifier.AddDirectorySource(path);
            }
            else
            {
                verifier.AddFileSource(path);
            }
        }

        var succeeded = verifier.Execute();
        // Proto JSON carries names only: the consumers' views of the wire are checked against our descriptors.
        var pactFiles = sources.SelectMany(s => s.IsDirectory ? Directory.EnumerateFiles(s.Path, "*.json") : [s.Path]);
        var wire = new WireCheck(services).Check(pactFiles, Provider);
        return VerifierReport.Read(Provider, succeeded, verifier.Output(), verifier.JsonReport(), adapter.StateFailures, wire);
    }
}
