using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Shop.Users.Auth;

/// <summary>
/// The token signing key: from configuration (<c>Auth:SigningKey</c>), or in Development a random key
/// made at first run and kept in the user's local data folder, outside the repository.
/// </summary>
internal sealed class SigningKeySource(IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<SigningKeySource> logger)
{
    private readonly Lazy<SymmetricSecurityKey> key = new(() => Load(options.Value, environment, logger));

    public SymmetricSecurityKey Key => key.Value;

    private static SymmetricSecurityKey Load(AuthOptions options, IHostEnvironment environment, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            var bytes = Convert.FromBase64String(options.SigningKey);
            return bytes.Length >= 32 ? new SymmetricSecurityKey(bytes)
                : throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64).");
        }
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException("Auth:SigningKey is not set (environment: Auth__SigningKey, base64, 32+ bytes).");
        }
        var file = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "shop-mesh", "dev-signing-key");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            logger.LogWarning("Generated a development token signing key at {File}", file);
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(file).Trim()));
    }
}
