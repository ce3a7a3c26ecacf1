using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Shop.Web.Session;

/// <summary>A cookie whose session has no token here any more (expired, signed out, app restarted) signs nobody in.</summary>
internal static class SessionValidation
{
    public static async Task RejectWithoutTokenAsync(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<AccessTokenStore>();
        if (context.Principal?.Find(SessionClaims.SessionId) is { } sessionId && store.Find(sessionId) is not null) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
