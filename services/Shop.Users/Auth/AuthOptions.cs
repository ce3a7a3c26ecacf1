namespace Shop.Users.Auth;

internal sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Base64 HMAC-SHA256 key of at least 32 bytes. Without it, Development generates one (see <see cref="SigningKeySource"/>).</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "shop-users";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>PBKDF2 iterations for new password hashes; stored in each hash, so it can change later.</summary>
    public int PasswordHashIterations { get; set; } = 100_000;
}
