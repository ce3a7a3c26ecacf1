namespace Shop.ServiceDefaults.Auth;

/// <summary>One public key a service's tokens may be signed with (<c>Auth:Keys:{service}:{n}</c>).</summary>
public sealed class TrustedKey
{
    /// <summary>The key id, the <c>kid</c> in the header of the tokens it signs.</summary>
    public string Id { get; set; } = "";

    /// <summary>RSA public key: PEM, or the base64 of its SubjectPublicKeyInfo (one line, fit for an environment variable).</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>When set, tokens signed with this key are refused from then on: the end of a rotation's overlap.</summary>
    public DateTimeOffset? ValidUntil { get; set; }
}
