using Grpc.Core;
using Grpc.Net.Client;
using Shop.Users.V1;

namespace Shop.Users.Tests;

/// <summary>Tests of users on a real loopback port (<see cref="UsersFixture.OnLoopbackAsync"/>), called from a chosen loopback address.</summary>
public abstract class LoopbackUsersTest : UsersTest
{
    /// <summary>Users on loopback allowing two login attempts per client address in ten minutes, believing X-Forwarded-For from <paramref name="knownProxy"/>.</summary>
    protected static Task<UsersFixture> TwoAttemptsPerAddressAsync(string? knownProxy)
    {
        var settings = new Dictionary<string, string?> { ["Auth:LoginAttemptsPerAddress"] = "2", ["Auth:LoginWindow"] = "00:10:00" };
        if (knownProxy is not null) settings["ForwardedHeaders:KnownProxies:0"] = knownProxy;
        return UsersFixture.OnLoopbackAsync(settings);
    }

    /// <param name="host"><c>127.0.0.1</c> or <c>[::1]</c>: the address users sees the call come from.</param>
    protected GrpcChannel Channel(string host) => GrpcChannel.ForAddress($"http://{host}:{Fixture.Port}");

    /// <summary>A wrong password for <paramref name="email"/>, sent with <c>x-forwarded-for: <paramref name="forwardedFor"/></c>.</summary>
    protected static async Task LoginAsync(GrpcChannel channel, string forwardedFor, string email, StatusCode expected)
    {
        var auth = new AuthService.AuthServiceClient(channel);
        var call = auth.LoginAsync(new LoginRequest { Email = email, Password = "not the password" }, new Metadata { { "x-forwarded-for", forwardedFor } });
        var error = await Assert.ThrowsExactlyAsync<RpcException>(async () => await call);
        Assert.AreEqual(expected, error.StatusCode, $"{email} as {forwardedFor}: {error.Status.Detail}");
    }
}
