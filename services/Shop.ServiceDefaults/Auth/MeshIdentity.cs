namespace Shop.ServiceDefaults.Auth;

/// <summary>
/// The names tokens carry in the mesh. An access token (issued by users at Login) is for the whole shop:
/// issuer <c>shop-users</c>, audience <see cref="UserAudience"/>. A service token is for one callee:
/// issuer <c>shop-{caller}</c>, audience <c>shop-{callee}</c>, subject the caller's name.
/// </summary>
public static class MeshIdentity
{
    /// <summary>The service that issues access tokens to end users.</summary>
    public const string UserTokenIssuerService = "users";

    /// <summary>The audience of every end user's access token.</summary>
    public const string UserAudience = "shop";

    /// <summary>The authentication scheme of end users' access tokens (header <c>authorization</c>).</summary>
    public const string UserScheme = "User";

    /// <summary>The authentication scheme of service tokens (header <see cref="ServiceHeader"/>).</summary>
    public const string ServiceScheme = "Service";

    /// <summary>
    /// Where a calling service puts its own token, <c>Bearer &lt;service token&gt;</c>. The end user's token,
    /// when the call is made on a user's behalf, stays in <c>authorization</c>, so the callee sees both.
    /// </summary>
    public const string ServiceHeader = "shop-service-authorization";

    /// <summary>How much two machines' clocks may disagree when a token's lifetime is checked.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static string Issuer(string service) => $"shop-{service}";

    public static string ServiceAudience(string service) => $"shop-{service}";
}
