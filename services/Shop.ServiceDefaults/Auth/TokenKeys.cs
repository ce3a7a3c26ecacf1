using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Shop.ServiceDefaults.Auth;

/// <summary>
/// The public keys this service checks token signatures with, per issuing service, from
/// <c>Auth:Keys:{service}</c>. Only public keys: no service can sign as another. Outside Development the
/// users service's keys must be configured (every access token is signed by users); in Development the
/// keys not configured are the ones of <see cref="DevelopmentKeys"/>.
/// </summary>
public sealed class TokenKeys
{
    private readonly Dictionary<string, Dictionary<string, Entry>> byIssuer = new(StringComparer.Ordinal);

    public TokenKeys(IOptions<TokenKeyOptions> options, IHostEnvironment environment, ILogger<TokenKeys> logger)
    {
        foreach (var (service, keys) in options.Value.Keys.Where(k => k.Value.Count > 0))
        {
            var entries = Add(service);
            for (var i = 0; i < keys.Count; i++)
            {
                var setting = $"Auth:Keys:{service}:{i}";
                if (string.IsNullOrWhiteSpace(keys[i].Id)) throw new InvalidOperationException($"{setting}:Id (the key's kid) must be set.");
                var rsa = RsaKeyText.Public(keys[i].PublicKey, $"{setting}:PublicKey");
                entries[keys[i].Id] = new Entry(new RsaSecurityKey(rsa) { KeyId = keys[i].Id }, keys[i].ValidUntil);
            }
        }
        if (environment.IsDevelopment())
        {
            foreach (var service in MeshService.All.Where(s => !byIssuer.ContainsKey(MeshIdentity.Issuer(s))))
            {
                var (rsa, kid) = DevelopmentKeys.For(service, file => logger.LogWarning("Generated the development key of {Service} at {File}", service, file));
                Add(service)[kid] = new Entry(new RsaSecurityKey(rsa) { KeyId = kid }, null);
            }
        }
        else if (!byIssuer.ContainsKey(MeshIdentity.Issuer(MeshIdentity.UserTokenIssuerService)))
        {
            throw new InvalidOperationException(
                "Auth:Keys:users is not set: the public keys of the users service (Auth__Keys__users__0__Id and Auth__Keys__users__0__PublicKey), " +
                "without which no access token can be checked. Outside Development keys are never generated.");
        }
    }

    /// <summary>The issuers (<c>shop-{service}</c>) of every service this one has keys of.</summary>
    public IEnumerable<string> Issuers => byIssuer.Keys;

    /// <summary>The key <paramref name="kid"/> of <paramref name="issuer"/>, if it exists and is not retired at <paramref name="now"/>.</summary>
    public SecurityKey? Find(string issuer, string? kid, DateTimeOffset now) =>
        kid is not null && byIssuer.TryGetValue(issuer, out var keys) && keys.TryGetValue(kid, out var entry)
        && (entry.ValidUntil is null || now < entry.ValidUntil) ? entry.Key : null;

    /// <summary>When the key retires (null: not planned), to bound how long a token it signed may be trusted.</summary>
    public DateTimeOffset? ValidUntil(string issuer, string kid) =>
        byIssuer.TryGetValue(issuer, out var keys) && keys.TryGetValue(kid, out var entry) ? entry.ValidUntil : null;

    private Dictionary<string, Entry> Add(string service)
    {
        var issuer = MeshIdentity.Issuer(service.ToLowerInvariant());
        if (!byIssuer.TryGetValue(issuer, out var entries)) byIssuer[issuer] = entries = new(StringComparer.Ordinal);
        return entries;
    }

    private sealed record Entry(SecurityKey Key, DateTimeOffset? ValidUntil);
}
