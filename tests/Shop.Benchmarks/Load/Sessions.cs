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
    private readonly string adminToken = Bearer(TestTokens.Admin());

    public Sessions(SeedSizes sizes)
    {
        userIds = Enumerable.Range(1, Math.Min(Count, sizes.Users)).Select(n => BenchIds.Of(BenchIds.User, n).ToString()).ToArray();
        userTokens = userIds.Select(id => Bearer(TestTokens.User(Guid.Parse(id), lifetime: TimeSpan.FromHours(2)))).ToArray();
        var reader = BenchIds.NotificationReader(sizes);
        NotificationReader = (reader.ToString(), Bearer(TestTokens.User(reader, lifetime: TimeSpan.FromHours(2))));
    }

    /// <summary>
    /// The user whose calls h2load repeats (GetUser, PlaceOrder): the closed-loop flows never pick them, so the
    /// orders they own are the ones h2load's PlaceOrder calls made.
    /// </summary>
    public (string UserId, string Authorization) Repeated => (userIds[0], userTokens[0]);

    /// <summary>The reader of ListNotifications under h2load: no order is theirs, so their notifications never change.</summary>
    public (string UserId, string Authorization) NotificationReader { get; }

    /// <summary>A random signed-in user other than <see cref="Repeated"/>: their id and the headers of their calls.</summary>
    public (string UserId, Metadata Headers) PickUser() => User(1 + Random.Shared.Next(userIds.Length - 1));

    public (string UserId, Metadata Headers) User(int n) => (userIds[n], Headers(userTokens[n]));

    public Metadata Admin() => Headers(adminToken);

    public static Metadata Headers(string authorization) => new() { { "authorization", authorization } };

    private static string Bearer(string token) => "Bearer " + token;
}
