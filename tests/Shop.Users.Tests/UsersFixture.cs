extern alias UsersService;

using Shop.Testing;
using UsersService::Shop.Users;

namespace Shop.Users.Tests;

/// <summary>The users service in-process on a database of its own.</summary>
public sealed class UsersFixture : IAsyncDisposable
{
    /// <summary>The signing key the hosted service uses, so tests can forge expired or foreign tokens.</summary>
    public static readonly byte[] SigningKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private UsersFixture(TestDatabase database, GrpcServiceHost<Program> host)
    {
        Database = database;
        Host = host;
    }

    public TestDatabase Database { get; }

    public GrpcServiceHost<Program> Host { get; }

    public static async Task<UsersFixture> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync("shop_users", typeof(Program).Assembly);
        var host = new GrpcServiceHost<Program>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = database.ConnectionString,
            ["Auth:SigningKey"] = Convert.ToBase64String(SigningKey),
            // Hashing stays real PBKDF2, with fewer rounds so tests stay fast.
            ["Auth:PasswordHashIterations"] = "1000",
        });
        _ = host.Server;
        return new UsersFixture(database, host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
