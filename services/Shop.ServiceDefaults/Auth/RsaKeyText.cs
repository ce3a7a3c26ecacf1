using System.Security.Cryptography;

namespace Shop.ServiceDefaults.Auth;

/// <summary>Reads RSA keys as configuration holds them: PEM, or one line of base64 (fit for an environment variable).</summary>
internal static class RsaKeyText
{
    /// <param name="setting">The setting the text came from, for the error.</param>
    public static RSA Private(string text, string setting) => Read(text, setting, "PKCS#8 private key",
        (rsa, der) => rsa.ImportPkcs8PrivateKey(der, out _));

    public static RSA Public(string text, string setting) => Read(text, setting, "SubjectPublicKeyInfo public key",
        (rsa, der) => rsa.ImportSubjectPublicKeyInfo(der, out _));

    /// <summary>A short, stable name for a key: the first 8 bytes of the SHA-256 of its public key, in hex.</summary>
    public static string Thumbprint(RSA rsa) => Convert.ToHexStringLower(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()).AsSpan(0, 8));

    private static RSA Read(string text, string setting, string form, Action<RSA, byte[]> import)
    {
        var rsa = RSA.Create();
        try
        {
            if (text.Contains("-----BEGIN", StringComparison.Ordinal)) rsa.ImportFromPem(text);
            else import(rsa, Convert.FromBase64String(text.Trim()));
            if (rsa.KeySize < 2048) throw new CryptographicException("RSA keys must have at least 2048 bits");
            return rsa;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"{setting} must be an RSA {form} of 2048+ bits, as PEM or base64: {e.Message}", e);
        }
    }
}
