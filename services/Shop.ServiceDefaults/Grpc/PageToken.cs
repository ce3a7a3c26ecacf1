using System.Buffers.Text;
using System.Text;

namespace Shop.ServiceDefaults.Grpc;

/// <summary>
/// Opaque page tokens: the offset of the next page, so clients treat them as cookies rather than numbers.
/// A token that does not decode is INVALID_ARGUMENT.
/// </summary>
public static class PageToken
{
    public static int Offset(string token, string field = "page_token")
    {
        if (token.Length == 0) return 0;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(2), out var offset) && offset >= 0)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }
        throw RequestValidation.Invalid(field, $"is not a token from a previous response");
    }

    /// <summary>The token for the page after one that started at <paramref name="offset"/>, or empty when it was the last.</summary>
    public static string Next(int offset, int pageSize, int returned) =>
        returned < pageSize ? "" : Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"o:{offset + returned}"));
}
