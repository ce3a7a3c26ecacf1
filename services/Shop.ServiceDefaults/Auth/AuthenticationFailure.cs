using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Shop.ServiceDefaults.Auth;

/// <summary>Why a token of the call was refused, kept for the UNAUTHENTICATED message (never the library's own text).</summary>
internal static class AuthenticationFailure
{
    private static readonly object Key = new();

    public static void Record(HttpContext context, string scheme, Exception error)
    {
        var token = scheme == MeshIdentity.ServiceScheme ? "service token" : "access token";
        context.Items[Key] = error is SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException
            ? $"{token} expired or not yet valid"
            : $"{token} invalid";
    }

    public static string? Find(HttpContext context) => context.Items.TryGetValue(Key, out var message) ? (string?)message : null;
}
