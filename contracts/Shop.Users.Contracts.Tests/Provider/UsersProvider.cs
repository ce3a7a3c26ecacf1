using Microsoft.Extensions.DependencyInjection;
using Shop.Contracts.Testing;
using Shop.Users.Data;
using UsersProgram = Shop.Users.Program;
using UsersV1 = Shop.Users.V1;

namespace Shop.Users.Contracts.Tests.Provider;

/// <summary>The real users service as the pacts' provider, its states seeded through the service's own repository.</summary>
internal sealed class UsersProvider : ProviderHost<UsersProgram>
{
    private UsersProvider(ProviderSetup setup)
        : base(Participants.Users, "users", "orders", setup, UsersV1.UserService.Descriptor, UsersV1.AuthService.Descriptor)
    {
    }

    public static async Task<UsersProvider> CreateAsync() => new(await StartAsync("shop_users", connectionString => new()
    {
        ["ConnectionStrings:Users"] = connectionString,
        ["Auth:PasswordHashIterations"] = "1000",
        // The calls in the pacts never reach orders. Should one (a DeleteUser) try, nothing listens here,
        // whereas at the default address a developer's running mesh might answer.
        ["Services:Orders"] = "http://127.0.0.1:9",
    }));

    public override async Task SetUpAsync(string state, IReadOnlyDictionary<string, object?> parameters)
    {
        switch (state)
        {
            case "a user exists":
                var users = Host.Services.GetRequiredService<UserRepository>();
                await users.InsertAsync(Id(parameters, "userId"), "ann@example.com", "Ann Example", "not-a-real-hash", CancellationToken.None);
                break;
            case "no user exists":
                break;
            default:
                throw new KeyNotFoundException($"The users provider has no state '{state}'.");
        }
    }
}
