namespace Shop.Cli;

/// <summary>Keeps the access token from `shop users login` for later calls, readable by the user only.</summary>
internal static class TokenStore
{
    private static readonly string File = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "shop-mesh", "token");

    public static string? Load() => System.IO.File.Exists(File) ? System.IO.File.ReadAllText(File).Trim() : null;

    public static void Save(string token)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        System.IO.File.WriteAllText(File, token);
        if (!OperatingSystem.IsWindows()) System.IO.File.SetUnixFileMode(File, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
