using System.Security.Claims;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.ServiceDefaults.Errors;

namespace Shop.Users.Auth;

/// <summary>Issues and checks the HMAC-signed JWT access tokens that Login hands out.</summary>
internal sealed class AccessTokens(SigningKeySource keys, IOptions<AuthOptions> options, TimeProvider clock)
{
    private const string Audience = "shop-mesh";
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public (string Token, DateTime ExpiresAt) Issue(Guid userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + options.Value.TokenLifetime;
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, userId.ToString())]),
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    /// <summary>The user id from an <c>authorization: Bearer</c> header, or UNAUTHENTICATED saying what is wrong.</summary>
    public async Task<Guid> AuthenticateAsync(Metadata headers)
    {
        var header = headers.GetValue("authorization");
        if (string.IsNullOrEmpty(header)) throw Unauthenticated($"missing authorization header (expected 'Bearer <token>')");
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) throw Unauthenticated($"authorization header must be 'Bearer <token>'");

        var result = await handler.ValidateTokenAsync(header["Bearer ".Length..].Trim(), new TokenValidationParameters
        {
            ValidIssuer = options.Value.Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = keys.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) =>
                clock.GetUtcNow().UtcDateTime is var now && (notBefore is null || now >= notBefore) && expires > now,
        });
        if (result.IsValid && Guid.TryParse(result.ClaimsIdentity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value
                ?? result.ClaimsIdentity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var userId))
        {
            return userId;
        }
        throw result.Exception is SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException
            ? Unauthenticated($"access token expired")
            : Unauthenticated($"access token invalid");
    }

    private static NotAuthenticatedException Unauthenticated(StatusMessage message) => new(message);
}
