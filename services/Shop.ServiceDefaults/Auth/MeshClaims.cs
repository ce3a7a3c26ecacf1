namespace Shop.ServiceDefaults.Auth;

/// <summary>The claims of the mesh's tokens (JWT names, never mapped to the long ClaimTypes URIs).</summary>
public static class MeshClaims
{
    /// <summary>The end user's id (a GUID) in an access token; the calling service's name in a service token.</summary>
    public const string Subject = "sub";

    public const string Name = "name";

    public const string Email = "email";

    /// <summary><see cref="Customer"/> or <see cref="Admin"/>.</summary>
    public const string Role = "role";

    public const string Customer = "customer";

    public const string Admin = "admin";
}
