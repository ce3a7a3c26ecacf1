using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Shop.Web.Session;

/// <summary>The user this page or circuit acts for, and the access token its calls to the mesh carry.</summary>
public sealed class SignedInUser(AuthenticationStateProvider authentication, AccessTokenStore tokens)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>The user's id (the token's <c>sub</c>), or null when nobody is signed in.</summary>
    public async Task<string?> UserIdAsync() => (await PrincipalAsync()).Find(SessionClaims.UserId);

    public async Task<string?> AccessTokenAsync()
    {
        var sessionId = (await PrincipalAsync()).Find(SessionClaims.SessionId);
        return sessionId is null ? null : tokens.Find(sessionId);
    }
}
