using Shop.ServiceDefaults.Errors;

namespace Shop.ServiceDefaults.Grpc;

/// <summary>
/// Checks on request fields beyond the rules declared in the protos, failing with INVALID_ARGUMENT naming the field.
/// What a proto declares (UUIDs, lengths, ranges, defined enums, required fields) the ValidationInterceptor has
/// checked before any service code runs, so services rely on it (e.g. <c>Guid.Parse</c> of a declared UUID) rather
/// than checking it again.
/// </summary>
public static class RequestValidation
{
    public static InvalidInputException Invalid(string field, StatusMessage problem) => new(field, problem);

    /// <returns>The text without surrounding spaces, which must leave something (the declared length counts them).</returns>
    public static string RequireText(string value, string field)
    {
        var trimmed = value.Trim();
        return trimmed.Length > 0 ? trimmed : throw Invalid(field, $"must not be empty");
    }

    /// <summary>The page size a request asks for, declared 0..100: 0 means the default, 20.</summary>
    public static int PageSize(int requested) => requested == 0 ? 20 : requested;
}
