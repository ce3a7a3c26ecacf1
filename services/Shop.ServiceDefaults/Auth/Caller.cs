using System.Security.Claims;
using Shop.ServiceDefaults.Errors;

namespace Shop.ServiceDefaults.Auth;

/// <summary>
/// Who is calling, as the tokens of the call prove it: the end user (their access token, sent by them or
/// forwarded by a service acting for them) and the calling service (its service token), either or both.
/// </summary>
public sealed record Caller(Guid? UserId, bool IsAdmin, string? Service)
{
    public static Caller From(ClaimsPrincipal principal)
    {
        Guid? userId = null;
        var admin = false;
        string? service = null;
        foreach (var identity in principal.Identities)
        {
            if (identity.AuthenticationType == MeshIdentity.UserScheme && Guid.TryParse(identity.FindFirst(MeshClaims.Subject)?.Value, out var id))
            {
                userId = id;
                admin = identity.HasClaim(MeshClaims.Role, MeshClaims.Admin);
            }
            else if (identity.AuthenticationType == MeshIdentity.ServiceScheme)
            {
                service = identity.FindFirst(MeshClaims.Subject)?.Value;
            }
        }
        return new Caller(userId, admin, service);
    }

    /// <summary>Lets the user <paramref name="userId"/> themself or an admin through; anyone else is PERMISSION_DENIED.</summary>
    public void RequireSelfOrAdmin(Guid userId)
    {
        if (!IsSelfOrAdmin(userId)) throw new PermissionDeniedException($"only the user themself or an admin may do this");
    }

    public bool IsSelfOrAdmin(Guid userId) => IsAdmin || UserId == userId;

    /// <summary>The end user's id; only for RPCs whose policy guarantees one (<see cref="AccessPolicies.SignedIn"/>).</summary>
    public Guid RequireUserId() => UserId ?? throw new PermissionDeniedException($"this call needs an end user's access token");
}
