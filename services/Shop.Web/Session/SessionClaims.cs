using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Shop.ServiceDefaults.Auth;
using Shop.Users.V1;

namespace Shop.Web.Session;

/// <summary>
/// The claims of a web session: who the user is (from the Login reply), their roles (read from the
/// access token, which the services check; the web app only uses them to show or hide pages) and the
/// session id under which <see cref="AccessTokenStore"/> keeps the token.
/// </summary>
public static class SessionClaims
{
    // The token's own claim names and roles, as the services read them (one definition: MeshClaims).
    public const string UserId = MeshClaims.Subject;
    public const string Name = MeshClaims.Name;
    public const string Email = MeshClaims.Email;
    public const string Role = MeshClaims.Role;
    public const string AdminRole = MeshClaims.Admin;
    public const string CustomerRole = MeshClaims.Customer;

    public const string SessionId = "sid";

    public static ClaimsPrincipal Principal(LoginResponse login, string sessionId)
    {
        var claims = new List<Claim>
        {
            new(UserId, login.User.UserId),
            new(Name, login.User.Name),
            new(Email, login.User.Email),
            new(SessionId, sessionId),
        };
        claims.AddRange(Roles(login.AccessToken).Select(role => new Claim(Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Cookies", Name, Role));
    }

    /// <summary>The token's <c>role</c> claims; a token without any is a customer's.</summary>
    public static IReadOnlyList<string> Roles(string accessToken)
    {
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(accessToken)) return [CustomerRole];
        var roles = new JsonWebToken(accessToken).Claims.Where(c => c.Type == Role).Select(c => c.Value).Distinct().ToList();
        return roles.Count > 0 ? roles : [CustomerRole];
    }

    public static string? Find(this ClaimsPrincipal user, string type) => user.FindFirst(type)?.Value;
}
