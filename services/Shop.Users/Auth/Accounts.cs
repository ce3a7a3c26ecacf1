using Microsoft.AspNetCore.Identity;
using Shop.ServiceDefaults.Errors;
using Shop.Users.Data;

namespace Shop.Users.Auth;

/// <summary>Creating accounts and checking credentials, shared by UserService and AuthService.</summary>
internal sealed class Accounts(UserRepository users, IPasswordHasher<UserRecord> hasher)
{
    // Verified against when the email is unknown, so both failures take the same time.
    private readonly Lazy<string> decoyHash = new(() => hasher.HashPassword(null!, Guid.NewGuid().ToString()));

    /// <exception cref="EmailTakenException">The email belongs to another user.</exception>
    public async Task<UserRecord> CreateAsync(string email, string name, string password, CancellationToken ct)
    {
        var validEmail = AccountRules.Email(email);
        var validName = AccountRules.Name(name);
        var hash = HashPassword(AccountRules.Password(password));
        return await users.InsertAsync(Guid.CreateVersion7(), validEmail, validName, hash, ct);
    }

    public string HashPassword(string password) => hasher.HashPassword(null!, password);

    public bool PasswordMatches(UserRecord user, string password) =>
        hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <exception cref="NotAuthenticatedException">One message for an unknown email and a wrong password.</exception>
    public async Task<UserRecord> AuthenticateAsync(string email, string password, CancellationToken ct)
    {
        var user = email.Trim().Length == 0 ? null : await users.FindByEmailAsync(email.Trim().ToLowerInvariant(), ct);
        var result = hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? decoyHash.Value, password);
        return user is not null && result != PasswordVerificationResult.Failed
            ? user
            : throw new NotAuthenticatedException($"invalid email or password");
    }
}
