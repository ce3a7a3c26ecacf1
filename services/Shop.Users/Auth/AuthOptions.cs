namespace Shop.Users.Auth;

/// <summary>Section <c>Auth</c> as users reads it (the token keys are <see cref="ServiceDefaults.Auth.TokenKeyOptions"/>, in the same section).</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The emails of the accounts whose tokens carry the role admin (<c>Auth:Admins:0</c>, ...). Register the
    /// account before listing it: the list names accounts, it does not reserve addresses.
    /// </summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>PBKDF2 iterations for new password hashes; stored in each hash, so it can change later.</summary>
    public int PasswordHashIterations { get; set; } = 100_000;

    /// <summary>Login attempts allowed per account (email) within <see cref="LoginWindow"/>.</summary>
    public int LoginAttemptsPerAccount { get; set; } = 5;

    /// <summary>Login attempts allowed per client address within <see cref="LoginWindow"/>.</summary>
    public int LoginAttemptsPerAddress { get; set; } = 30;

    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsAdmin(string email) => Admins.Any(a => string.Equals(a.Trim(), email, StringComparison.OrdinalIgnoreCase));
}
