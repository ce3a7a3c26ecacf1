using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Shop.Testing.Auth;

/// <summary>
/// Tokens as users and the services sign them, made by the tests with <see cref="TestKeys"/>: a cheap way to
/// act as any customer, an admin or a service, and to make the wrong tokens every refusal test needs.
/// </summary>
public static class TestTokens
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>An end user's access token, as users' Login issues it.</summary>
    /// <param name="now">When it is issued (default: now); it lives <paramref name="lifetime"/> (default 1 hour) from then.</param>
    /// <param name="key">The signing key (default: users' key, with its kid).</param>
    public static string User(Guid userId, string role = "customer", DateTimeOffset? now = null, TimeSpan? lifetime = null,
        RSA? key = null, string? keyId = null, string audience = "shop", string name = "Test User", string? email = null) =>
        Sign("shop-users", audience, key ?? TestKeys.Of("users"), keyId ?? TestKeys.KeyId("users"), now, lifetime ?? TimeSpan.FromHours(1),
        [
            new Claim("sub", userId.ToString()),
            new Claim("name", name),
            new Claim("email", email ?? $"{userId:N}@example.com"),
            new Claim("role", role),
        ]);

    public static string Admin(Guid? userId = null) => User(userId ?? AdminId, "admin");

    /// <summary>The user id of <see cref="Admin"/>'s token by default: an admin who needs no account.</summary>
    public static readonly Guid AdminId = Guid.Parse("0a0a0a0a-0000-4000-8000-00000000ad00");

    /// <summary>A service token of <paramref name="caller"/> for <paramref name="callee"/>, as ServiceTokens makes it.</summary>
    public static string Service(string caller, string callee, DateTimeOffset? now = null, RSA? key = null) =>
        Sign($"shop-{caller}", $"shop-{callee}", key ?? TestKeys.Of(caller), TestKeys.KeyId(caller), now, TimeSpan.FromMinutes(10),
            [new Claim("sub", caller)]);

    private static string Sign(string issuer, string audience, RSA key, string keyId, DateTimeOffset? now, TimeSpan lifetime, Claim[] claims)
    {
        var issued = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issued,
            NotBefore = issued,
            Expires = issued + lifetime,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        });
    }
}
