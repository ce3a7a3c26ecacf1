using System.Security.Cryptography;

namespace Shop.ServiceDefaults.Auth;

/// <summary>
/// Development only: each service's RSA key, made at first run and kept in the user's local data folder
/// (<c>~/.local/share/shop-mesh/keys/{service}.key</c>), never in the repository. Every service started on
/// the machine finds the others' keys there, so Run and Demo need no key configuration.
/// </summary>
internal static class DevelopmentKeys
{
    public static string Folder => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "shop-mesh", "keys");

    /// <returns>The service's key pair and its key id, <c>{service}-dev-{thumbprint}</c>.</returns>
    public static (RSA Key, string KeyId) For(string service, Action<string> generated)
    {
        var file = Path.Combine(Folder, $"{service}.key");
        if (!File.Exists(file)) TryCreate(file, generated);
        var rsa = RsaKeyText.Private(File.ReadAllText(file), file);
        return (rsa, $"{service}-dev-{RsaKeyText.Thumbprint(rsa)}");
    }

    // Two services starting together may both find the file missing: the first writer wins, the other reads its key.
    private static void TryCreate(string file, Action<string> generated)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var rsa = RSA.Create(2048);
        var temporary = $"{file}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, rsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temporary, file, overwrite: false);
            generated(file);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);
        }
    }
}
