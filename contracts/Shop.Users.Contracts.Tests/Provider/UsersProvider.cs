extern alias UsersService;

using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.Extensions.DependencyInjection;
using Shop.Contracts.Pact.Provider;
using Shop.Contracts.Testing;
using Shop.Testing;
using UsersService::Shop.Users.Data;
using UsersProgram = UsersService::Shop.Users.Program;
using UsersV1 = UsersService::Shop.Users.V1;

namespace Shop.Users.Contracts.Tests.Provider;

/// <summary>
/// The real users service hosted in-process on a database of its own, with the provider states its
/// consumers' pacts name, seeded through the service's own repository.
/// </summary>
public sealed class UsersProvider : IAsyncDisposable
{
    private UsersProvider(TestDatabase database, GrpcServiceHost<UsersProgram> host, ProviderChange change)
    {
        Database = database;
        Host = host;
        Change = change;
    }

    public TestDatabase Database { get; }

    public GrpcServiceHost<UsersProgram> Host { get; }

    /// <summary>Deliberate changes to the host's answers, for the self-tests; none unless applied.</summary>
    internal ProviderChange Change { get; }

    public static async Task<UsersProvider> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync("shop_users", typeof(UsersProgram).Assembly);
        ProviderChange? change = null;
        var host = new GrpcServiceHost<UsersProgram>(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Users"] = database.ConnectionString,
                ["Auth:SigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
                ["Auth:PasswordHashIterations"] = "1000",
            },
            services => change = ProviderChange.AddTo(services));
        _ = host.Server;
        return new UsersProvider(database, host, change!);
    }

    /// <summary>Sets up a state named in a pact; an unknown state fails the interactions that need it.</summary>
    public async Task SetUpAsync(string state, IReadOnlyDictionary<string, object?> parameters)
    {
        switch (state)
        {
            case "a user exists":
                var users = Host.Services.GetRequiredService<UserRepository>();
                await users.InsertAsync(UserId(parameters), "ann@example.com", "Ann Example", "not-a-real-hash", CancellationToken.None);
                break;
            case "no user exists":
                // Every interaction starts from an empty database (see TearDownAsync).
                break;
            default:
                throw new KeyNotFoundException($"The users provider has no state '{state}'.");
        }
    }

    /// <summary>
    /// A verifier of the committed pacts naming users against this host, reading messages with the
    /// service's own descriptors unless others are given (a later version of the API, say).
    /// </summary>
    public GrpcPactVerifier Verifier(params ServiceDescriptor[] services) =>
        new GrpcPactVerifier(Participants.Users)
            .WithProviderChannel(Host.Channel)
            .WithServices(services.Length > 0 ? services : [UsersV1.UserService.Descriptor, UsersV1.AuthService.Descriptor])
            .WithProviderStates(SetUpAsync, TearDownAsync)
            .WithPactDirectory(PactDirectories.Committed);

    /// <summary>After each interaction: back to the migrated, empty database.</summary>
    public Task TearDownAsync(string state, IReadOnlyDictionary<string, object?> parameters) => Database.ResetAsync();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static Guid UserId(IReadOnlyDictionary<string, object?> parameters) =>
        parameters.TryGetValue("userId", out var value) && Guid.TryParse(value as string, out var id)
            ? id
            : throw new ArgumentException("The state needs a userId parameter holding a UUID.");
}
