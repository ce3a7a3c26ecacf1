namespace Shop.Users.Data;

/// <summary>A row of <c>users</c>. The password hash never leaves the service.</summary>
internal sealed record UserRecord(Guid Id, string Email, string Name, string PasswordHash, DateTime CreatedAt, DateTime UpdatedAt);
