namespace Shop.ServiceDefaults.Auth;

/// <summary>
/// The keys of section <c>Auth</c>: this service's private signing key and the public keys it trusts,
/// per service. Outside Development they must be configured; in Development the missing ones are made
/// at first run outside the repository (see <see cref="DevelopmentKeys"/>).
/// </summary>
public sealed class TokenKeyOptions
{
    public const string Section = "Auth";

    /// <summary>This service's RSA private key: PEM, or the base64 of its PKCS#8 form.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The <c>kid</c> written into the tokens this service signs.</summary>
    public string? SigningKeyId { get; set; }

    /// <summary>Per service (<c>users</c>, <c>orders</c>, ...), the public keys its tokens may be signed with; two during a rotation.</summary>
    public Dictionary<string, List<TrustedKey>> Keys { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
