using System.Collections.Concurrent;
using System.Security.Claims;

namespace Shop.ServiceDefaults.Auth;

/// <summary>
/// This service's own tokens for calling another (OAuth2 client-credentials style, without a token
/// server): signed with its key, subject its name, audience the callee. One per callee is reused until
/// shortly before it expires, so an RSA signature is made every few minutes, not per call.
/// </summary>
public sealed class ServiceTokens(TokenSigner signer, MeshService self, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, (string Token, DateTime Expires)> tokens = new(StringComparer.Ordinal);

    /// <param name="callee">The service called, e.g. <c>users</c>.</param>
    public string For(string callee)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (tokens.TryGetValue(callee, out var cached) && cached.Expires - RenewBefore > now) return cached.Token;
        var expires = now + Lifetime;
        var token = signer.Sign(MeshIdentity.ServiceAudience(callee), [new Claim(MeshClaims.Subject, self.Name)], now, expires);
        tokens[callee] = (token, expires);
        return token;
    }
}
