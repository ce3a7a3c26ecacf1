using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Shop.ServiceDefaults.Auth;

/// <summary>
/// Checks tokens with <see cref="JsonWebTokenHandler"/> and remembers the ones found valid, by their exact
/// text, until they expire (or their key retires): a client sends the same token on every call, and its
/// RSA signature check would otherwise be a large share of a cheap call's CPU. Only successes are kept,
/// and a remembered token is still refused from the moment its lifetime ends.
/// </summary>
internal sealed class CachingTokenHandler(TokenKeys keys, TimeProvider clock) : TokenHandler
{
    // Enough for every active session of a busy instance; when full it starts afresh rather than growing.
    private const int Capacity = 10_000;

    private readonly JsonWebTokenHandler inner = new();
    private readonly ConcurrentDictionary<string, (TokenValidationResult Result, DateTimeOffset NotAfter)> valid = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (valid.TryGetValue(token, out var known))
        {
            if (clock.GetUtcNow() < known.NotAfter) return known.Result;
            valid.TryRemove(token, out _);
        }
        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt)
        {
            _ = result.ClaimsIdentity; // made lazily, and not thread-safe: make it before the result is shared
            if (valid.Count >= Capacity) valid.Clear();
            valid[token] = (result, NotAfter(jwt));
        }
        return result;
    }

    private DateTimeOffset NotAfter(JsonWebToken jwt)
    {
        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + MeshIdentity.ClockSkew;
        return keys.ValidUntil(jwt.Issuer, jwt.Kid) is { } retires && retires < expires ? retires : expires;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);
}
