using Grpc.Core;
using Shop.Contracts.Pact.Provider;
using Shop.Testing;
using Shop.Testing.Auth;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Shop.Contracts.Testing;

/// <summary>
/// A real provider for verification: the service hosted in-process on a database of its own, with a
/// <see cref="ProviderChange"/> in its pipeline for the self-tests, and the provider states its
/// consumers' pacts name. Every interaction starts from the migrated, empty database.
/// </summary>
/// <typeparam name="TProgram">The service's <c>Program</c>.</typeparam>
internal abstract class ProviderHost<TProgram> : IAsyncDisposable where TProgram : class
{
    private readonly string participant;
    private readonly string provider;
    private readonly string consumer;
    private readonly ServiceDescriptor[] services;

    /// <param name="participant">The provider's name in the pact files, see <see cref="Participants"/>.</param>
    /// <param name="provider">The provider's service name in the mesh (<c>users</c>...), the audience of its consumers' service tokens.</param>
    /// <param name="consumer">The service whose calls the pacts hold, whose credentials the verification sends.</param>
    /// <param name="services">The descriptors messages are read with unless a verifier is given others.</param>
    protected ProviderHost(string participant, string provider, string consumer, ProviderSetup setup, params ServiceDescriptor[] services)
    {
        this.participant = participant;
        this.provider = provider;
        this.consumer = consumer;
        this.services = services;
        Database = setup.Database;
        Host = setup.Host;
        Change = setup.Change;
        // For direct calls in the self-tests: the consumer's own service token, and an admin's access token
        // for calls made for an end user (the pacts name users the states make, for whom no one has logged in).
        ConsumerChannel = new CredentialedChannel(Host.Channel, TestTokens.Admin(), TestTokens.Service(consumer, provider));
    }

    public TestDatabase Database { get; }

    /// <summary>The provider's name in the pact files.</summary>
    public string Participant => participant;

    public GrpcServiceHost<TProgram> Host { get; }

    /// <summary>The host, called with the consumer's service token and an admin's access token.</summary>
    public ChannelBase ConsumerChannel { get; }

    /// <summary>Deliberate changes to the host's answers, for the self-tests; none unless applied.</summary>
    public ProviderChange Change { get; }

    /// <summary>What a provider is made of: the database (named after <paramref name="databasePrefix"/>) and the started host.</summary>
    /// <param name="settings">The host's configuration given the database's connection string.</param>
    protected static async Task<ProviderSetup> StartAsync(string databasePrefix, Func<string, Dictionary<string, string?>> settings)
    {
        var database = await TestDatabase.CreateAsync(databasePrefix, typeof(TProgram).Assembly);
        ProviderChange? change = null;
        var host = new GrpcServiceHost<TProgram>(settings(database.ConnectionString), s => change = ProviderChange.AddTo(s));
        _ = host.Server;
        return new ProviderSetup(database, host, change!);
    }

    /// <summary>Sets up a state named in a pact; an unknown state fails the interactions that need it.</summary>
    public abstract Task SetUpAsync(string state, IReadOnlyDictionary<string, object?> parameters);

    /// <summary>What a set-up state made that the pacts' requests take from it (a page token, say); none unless overridden.</summary>
    public virtual Task<IReadOnlyDictionary<string, string>> StateValuesAsync(string state, IReadOnlyDictionary<string, object?> parameters) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    /// <summary>After each interaction: back to the migrated, empty database.</summary>
    public Task TearDownAsync(string state, IReadOnlyDictionary<string, object?> parameters) => Database.ResetAsync();

    /// <summary>
    /// The self-tests' breaking change of access: the provider stops requiring credentials, serving a call
    /// that carries none as if its consumer had made it for an admin.
    /// </summary>
    public IDisposable AdmitAnonymousCallers() => Change.ApplyToRequests(headers =>
    {
        if (!headers.ContainsKey(PactCredentials.UserHeader) && !headers.ContainsKey(PactCredentials.ServiceHeader))
        {
            headers[PactCredentials.UserHeader] = "Bearer " + TestTokens.Admin();
            headers[PactCredentials.ServiceHeader] = "Bearer " + TestTokens.Service(consumer, provider);
        }
    });

    /// <summary>
    /// A verifier of the committed pacts naming this provider against this host, reading messages with
    /// the service's own descriptors unless others are given (a later version of the API, say). The calls
    /// carry the credentials each request of the pacts shows, real ones signed with the test keys
    /// (<see cref="PactCredentials.WithMeshCredentials"/>), and none where it shows none.
    /// </summary>
    public GrpcPactVerifier Verifier(params ServiceDescriptor[] others) =>
        new GrpcPactVerifier(participant)
            .WithProviderChannel(Host.Channel)
            .WithMeshCredentials(consumer, provider)
            .WithServices(others.Length > 0 ? others : services)
            .WithProviderStates(SetUpAsync, TearDownAsync)
            .WithProviderStateValues(StateValuesAsync)
            .WithDirectorySource(new DirectoryInfo(PactDirectories.Committed));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected static string Text(IReadOnlyDictionary<string, object?> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && value is string { Length: > 0 } text
            ? text
            : throw new ArgumentException($"The state needs a '{name}' parameter.");

    protected static Guid Id(IReadOnlyDictionary<string, object?> parameters, string name) =>
        Guid.TryParse(Text(parameters, name), out var id) ? id : throw new ArgumentException($"The state's '{name}' must be a UUID.");

    protected sealed record ProviderSetup(TestDatabase Database, GrpcServiceHost<TProgram> Host, ProviderChange Change);
}
