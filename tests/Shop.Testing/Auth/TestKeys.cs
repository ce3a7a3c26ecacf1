using System.Security.Cryptography;

namespace Shop.Testing.Auth;

/// <summary>
/// The mesh's RSA keys for a test run, made once per test process (never in the repository), and the
/// settings that give them to the hosts: each service signs with its own key and trusts every service's public key.
/// </summary>
public static class TestKeys
{
    private static readonly Lazy<IReadOnlyDictionary<string, RSA>> Keys = new(() =>
        new[] { "users", "orders", "notifications" }.ToDictionary(s => s, _ => RSA.Create(2048)));

    private static readonly Lazy<RSA> ForeignKey = new(() => RSA.Create(2048));

    public static RSA Of(string service) => Keys.Value[service];

    /// <summary>A key no service trusts, for tokens that must be refused.</summary>
    public static RSA Foreign => ForeignKey.Value;

    public static string KeyId(string service) => $"{service}-test";

    /// <summary>
    /// <c>Auth:*</c> settings for <paramref name="service"/>: its signing key (if it is one of the mesh's), and the public keys of every
    /// service plus <paramref name="moreUsersKeys"/> (a second users key, as during a rotation).
    /// </summary>
    public static Dictionary<string, string?> Settings(string service, params (string Id, RSA Key, DateTimeOffset? ValidUntil)[] moreUsersKeys)
    {
        var settings = new Dictionary<string, string?>();
        if (Keys.Value.TryGetValue(service, out var own))
        {
            settings["Auth:SigningKey"] = Convert.ToBase64String(own.ExportPkcs8PrivateKey());
            settings["Auth:SigningKeyId"] = KeyId(service);
        }
        foreach (var other in Keys.Value.Keys)
        {
            settings[$"Auth:Keys:{other}:0:Id"] = KeyId(other);
            settings[$"Auth:Keys:{other}:0:PublicKey"] = PublicKey(Of(other));
        }
        for (var i = 0; i < moreUsersKeys.Length; i++)
        {
            settings[$"Auth:Keys:users:{i + 1}:Id"] = moreUsersKeys[i].Id;
            settings[$"Auth:Keys:users:{i + 1}:PublicKey"] = PublicKey(moreUsersKeys[i].Key);
            if (moreUsersKeys[i].ValidUntil is { } until) settings[$"Auth:Keys:users:{i + 1}:ValidUntil"] = until.ToString("O");
        }
        return settings;
    }

    /// <summary><see cref="Settings"/> as environment variables, for services started as processes.</summary>
    public static Dictionary<string, string> Environment(string service) =>
        Settings(service).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);

    public static string PublicKey(RSA key) => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
}
