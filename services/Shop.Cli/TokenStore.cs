using System.Text.Json;

namespace Shop.Cli;

/// <summary>
/// Keeps the access token from `shop users login` for later calls, readable by the user only, in
/// <c>$XDG_CONFIG_HOME/shop-mesh/token</c> (<c>~/.config/shop-mesh/token</c>).
/// </summary>
internal static class TokenStore
{
    private static string File => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "shop-mesh", "token");

    public static string? Load() => System.IO.File.Exists(File) ? System.IO.File.ReadAllText(File).Trim() : null;

    public static void Save(string token)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        System.IO.File.WriteAllText(File, token);
        if (!OperatingSystem.IsWindows()) System.IO.File.SetUnixFileMode(File, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>
    /// The stored token's <c>sub</c> claim: the signed-in user's id, or null without a readable token. Read
    /// without checking the signature: the services check it on every call; this only picks the default user.
    /// </summary>
    public static string? SignedInUserId()
    {
        var parts = Load()?.Split('.');
        if (parts is not { Length: 3 }) return null;
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
            using var claims = JsonDocument.Parse(Convert.FromBase64String(payload));
            return claims.RootElement.TryGetProperty("sub", out var sub) && sub.ValueKind == JsonValueKind.String ? sub.GetString() : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
