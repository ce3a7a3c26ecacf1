using Shop.ServiceDefaults.Errors;

namespace Shop.ServiceDefaults.Grpc;

/// <summary>Checks on request fields that fail with INVALID_ARGUMENT naming the field.</summary>
public static class RequestValidation
{
    public static InvalidInputException Invalid(string field, StatusMessage problem) => new(field, problem);

    public static Guid RequireId(string value, string field)
    {
        if (string.IsNullOrEmpty(value)) throw Invalid(field, $"is required");
        return Guid.TryParse(value, out var id) ? id : throw Invalid(field, $"'{value}' is not a valid UUID");
    }

    public static string RequireText(string value, string field, int maxLength = 200)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0) throw Invalid(field, $"must not be empty");
        if (trimmed.Length > maxLength) throw Invalid(field, $"must be at most {maxLength} characters");
        return trimmed;
    }

    /// <summary>0 means the default page size of 20; otherwise 1..100.</summary>
    public static int PageSize(int requested, string field = "page_size") => requested switch
    {
        0 => 20,
        < 0 or > 100 => throw Invalid(field, $"must be between 1 and 100"),
        _ => requested,
    };
}
