using Grpc.Core;
using Shop.Benchmarks.Data;
using Shop.Testing.Auth;

namespace Shop.Benchmarks.Load;

/// <summary>
/// The signed-in callers of the benchmarks: <see cref="Count"/> seeded users, each with their own access
/// token (so the services see as many distinct tokens as there are active sessions), and one admin.
/// Tokens are made before the load starts; an RSA signature is milliseconds, not something to time.
/// </summary>
internal sealed class Sessions
{
    public const int Count = 1_000;

    private readonly string[] userIds;
    private readonly string[] userTokens;
    private readonly string adminToken = "Bearer " + TestTokens.Admin();

    public Sessions(int seededUsers)
    {
        userIds = Enumerable.Range(1, Math.Min(Count, seededUsers)).Select(n => BenchIds.Of(BenchIds.User, n).ToString()).ToArray();
        userTokens = userIds.Select(id => "Bearer " + TestTokens.User(Guid.Parse(id), lifetime: TimeSpan.FromHours(2))).ToArray();
    }

    /// <summary>A random signed-in user: their id and the headers of their calls.</summary>
    public (string UserId, Metadata Headers) PickUser()
    {
        var i = Random.Shared.Next(userIds.Length);
        return (userIds[i], new Metadata { { "authorization", userTokens[i] } });
    }

    public (string UserId, Metadata Headers) User(int n) => (userIds[n], new Metadata { { "authorization", userTokens[n] } });

    public Metadata Admin() => new() { { "authorization", adminToken } };
}
