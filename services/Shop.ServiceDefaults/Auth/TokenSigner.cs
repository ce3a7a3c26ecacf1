using System.Security.Claims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Shop.ServiceDefaults.Auth;

/// <summary>
/// This service's private key (<c>Auth:SigningKey</c>, with <c>Auth:SigningKeyId</c> as its kid), for the
/// tokens it issues: users' access tokens, and every caller's service tokens. RS256: an RSA signature
/// costs more to make than an ECDSA one, but checking it, which every call does, costs about a quarter.
/// </summary>
public sealed class TokenSigner
{
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials credentials;

    public TokenSigner(IOptions<TokenKeyOptions> options, IHostEnvironment environment, MeshService service, ILogger<TokenSigner> logger)
    {
        Issuer = MeshIdentity.Issuer(service.Name);
        var configured = options.Value;
        if (!string.IsNullOrWhiteSpace(configured.SigningKey))
        {
            if (string.IsNullOrWhiteSpace(configured.SigningKeyId)) throw new InvalidOperationException("Auth:SigningKeyId (the kid of Auth:SigningKey) must be set.");
            credentials = Credentials(RsaKeyText.Private(configured.SigningKey, "Auth:SigningKey"), configured.SigningKeyId);
        }
        else if (environment.IsDevelopment())
        {
            var (rsa, kid) = DevelopmentKeys.For(service.Name, file => logger.LogWarning("Generated the development key of {Service} at {File}", service.Name, file));
            credentials = Credentials(rsa, kid);
        }
        else
        {
            throw new InvalidOperationException(
                $"Auth:SigningKey is not set: the {service.Name} service signs tokens with it (Auth__SigningKey, an RSA private key as PEM or base64 PKCS#8, " +
                "and Auth__SigningKeyId, its kid). Outside Development keys are never generated.");
        }
    }

    /// <summary><c>shop-{service}</c>.</summary>
    public string Issuer { get; }

    public string KeyId => credentials.Key.KeyId;

    public string Sign(string audience, IEnumerable<Claim> claims, DateTime now, DateTime expires) => handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = audience,
        Subject = new ClaimsIdentity(claims),
        IssuedAt = now,
        NotBefore = now,
        Expires = expires,
        SigningCredentials = credentials,
    });

    private static SigningCredentials Credentials(System.Security.Cryptography.RSA rsa, string kid) =>
        new(new RsaSecurityKey(rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256);
}
