namespace Shop.Users.Data;

/// <summary>A partial update: null fields are left as they are.</summary>
internal sealed record UserChanges(string? Email, string? Name, string? PasswordHash);
