namespace Shop.Users.Data;

internal sealed class EmailTakenException(string email) : Exception($"email '{email}' is already registered")
{
    public string Email { get; } = email;
}
