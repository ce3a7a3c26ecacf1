using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace Shop.Web.Session;

/// <summary>
/// The access tokens of signed-in users, kept in this process under a random session id: the browser's
/// cookie names the session, never the token. A token is forgotten when it expires or at sign-out.
/// </summary>
public sealed class AccessTokenStore(IMemoryCache cache)
{
    public string Save(string accessToken, DateTimeOffset expiresAt)
    {
        var sessionId = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        cache.Set(Key(sessionId), accessToken, expiresAt);
        return sessionId;
    }

    public string? Find(string sessionId) =>
        cache.TryGetValue(Key(sessionId), out string? token) && token is not null ? token : null;

    public void Remove(string sessionId) => cache.Remove(Key(sessionId));

    private static string Key(string sessionId) => "access-token:" + sessionId;
}
