using Google.Protobuf.Reflection;
using Grpc.Core;
using Shop.Users.V1;

namespace Shop.Mesh.Tests.Fuzz;

/// <summary>
/// The headers the fuzzer sends with each RPC, so that it fuzzes what lies behind authentication rather
/// than the front door alone. Where RPCs need different callers (a customer, an admin, a service), this is
/// the one place that chooses per RPC.
/// </summary>
public sealed class FuzzCredentials(string userId, Func<MethodDescriptor, Metadata?> headersFor)
{
    /// <summary>The signed-in caller's own user id, for calls that must be about their own data.</summary>
    public string UserId { get; } = userId;

    public Metadata? For(MethodDescriptor rpc) => headersFor(rpc);

    /// <summary>Every RPC as a customer who registered and logged in.</summary>
    public static async Task<FuzzCredentials> SignedInCustomerAsync(AuthService.AuthServiceClient auth)
    {
        var email = $"fuzz-{Guid.NewGuid():N}@example.com";
        var user = (await auth.RegisterAsync(new RegisterRequest { Email = email, Name = "Fuzz", Password = "correct horse" })).User;
        var login = await auth.LoginAsync(new LoginRequest { Email = email, Password = "correct horse" });
        var headers = new Metadata { { "authorization", $"Bearer {login.AccessToken}" } };
        return new FuzzCredentials(user.UserId, _ => headers);
    }
}
