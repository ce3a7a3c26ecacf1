using System.Security.Claims;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Auth;
using Shop.Users.Data;

namespace Shop.Users.Auth;

/// <summary>
/// Issues the access tokens Login hands out: RS256 with users' key, audience the whole shop, carrying the
/// user's id (<c>sub</c>), name, email and role. Every service checks them with users' public key only.
/// </summary>
internal sealed class AccessTokens(TokenSigner signer, IOptions<AuthOptions> options, TimeProvider clock)
{
    public (string Token, DateTime ExpiresAt) Issue(UserRecord user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + options.Value.TokenLifetime;
        var token = signer.Sign(MeshIdentity.UserAudience,
        [
            new Claim(MeshClaims.Subject, user.Id.ToString()),
            new Claim(MeshClaims.Name, user.Name),
            new Claim(MeshClaims.Email, user.Email),
            new Claim(MeshClaims.Role, options.Value.IsAdmin(user.Email) ? MeshClaims.Admin : MeshClaims.Customer),
        ], now, expires);
        return (token, expires);
    }
}
