using Microsoft.AspNetCore.Antiforgery;

namespace Shop.Web.Session;

internal static class SignOutEndpoint
{
    /// <summary>
    /// POST /account/signout, from the menu's form. Its antiforgery token is checked here: the middleware only
    /// notes the outcome for endpoints that bind a form, which this one does not, so the metadata alone refused nothing.
    /// </summary>
    public static void MapSignOut(this WebApplication app) =>
        app.MapPost("/account/signout", async (HttpContext context, IAntiforgery antiforgery, AccountSignIn accounts) =>
            {
                if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
                await accounts.SignOutAsync();
                return Results.LocalRedirect("/account/signin");
            })
            .DisableAntiforgery();
}
