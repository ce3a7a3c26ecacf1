using Shop.ServiceDefaults.Errors;

namespace Shop.Users.Data;

internal sealed class EmailTakenException(string email) : AlreadyExistsException($"email '{email}' is already registered")
{
    public string Email { get; } = email;
}
