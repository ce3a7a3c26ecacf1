using System.Net.Mail;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Users.Auth;

/// <summary>What makes an email, a name and a password acceptable; failures are INVALID_ARGUMENT naming the field.</summary>
internal static class AccountRules
{
    public const int MinPasswordLength = 8;

    /// <returns>The address trimmed and lower-cased, the form in which emails are stored and compared.</returns>
    public static string Email(string value, string field = "email")
    {
        var email = value.Trim().ToLowerInvariant();
        if (email.Length == 0) throw RequestValidation.Invalid(field, $"must not be empty");
        if (email.Length > 254
            || !MailAddress.TryCreate(email, out var address)
            || address.Address != email
            || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            throw RequestValidation.Invalid(field, $"'{value}' is not a valid email address");
        }
        return email;
    }

    public static string Name(string value, string field = "name") => RequestValidation.RequireText(value, field);

    public static string Password(string value, string field = "password") => value.Length switch
    {
        < MinPasswordLength => throw RequestValidation.Invalid(field, $"must be at least {MinPasswordLength} characters"),
        > 128 => throw RequestValidation.Invalid(field, $"must be at most 128 characters"),
        _ => value,
    };
}
