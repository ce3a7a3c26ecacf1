using Google.Protobuf.Reflection;
using Grpc.Core;
using Shop.Mesh.Tests.Access;
using Shop.Testing.Auth;
using Shop.Users.V1;

namespace Shop.Mesh.Tests.Fuzz;

/// <summary>
/// The headers the fuzzer sends with each RPC, so that it fuzzes what lies behind authentication rather
/// than the front door alone: per RPC, a caller the access table (<see cref="AccessMatrix"/>) lets through —
/// the signed-in customer where the owner may call, else an admin, else the service that makes the call.
/// </summary>
public sealed class FuzzCredentials(string userId, Func<MethodDescriptor, Metadata> headersFor)
{
    /// <summary>The signed-in customer's own user id, for calls that must be about their own data.</summary>
    public string UserId { get; } = userId;

    public Metadata For(MethodDescriptor rpc) => headersFor(rpc);

    /// <summary>A customer who registered and logged in, and the admin and service tokens the run's test keys sign.</summary>
    public static async Task<FuzzCredentials> AllowedCallersAsync(AuthService.AuthServiceClient auth)
    {
        var email = $"fuzz-{Guid.NewGuid():N}@example.com";
        var user = (await auth.RegisterAsync(new RegisterRequest { Email = email, Name = "Fuzz", Password = "correct horse" })).User;
        var login = await auth.LoginAsync(new LoginRequest { Email = email, Password = "correct horse" });
        var customer = new Metadata { { "authorization", $"Bearer {login.AccessToken}" } };
        var admin = new Metadata { { "authorization", $"Bearer {TestTokens.Admin()}" } };
        return new FuzzCredentials(user.UserId, rpc =>
        {
            var row = AccessMatrix.Rows.SingleOrDefault(r => r.Rpc == $"{rpc.Service.FullName}/{rpc.Name}")
                ?? throw new AssertFailedException($"{rpc.FullName} has no row in {nameof(AccessMatrix)}.");
            if (row.ExpectedFor(Credential.Owner) == StatusCode.OK) return customer;
            if (row.ExpectedFor(Credential.Admin) == StatusCode.OK) return admin;
            var callee = rpc.File.Package.Split('.')[1];
            return new Metadata
            {
                { "authorization", $"Bearer {login.AccessToken}" },
                { "shop-service-authorization", $"Bearer {TestTokens.Service(row.CallingService!, callee)}" },
            };
        });
    }
}
