using Microsoft.AspNetCore.Antiforgery;

namespace Shop.Web.Session;

internal static class SignOutEndpoint
{
    /// <summary>POST /account/signout, from the menu's form, with its antiforgery token checked.</summary>
    public static void MapSignOut(this WebApplication app) =>
        app.MapPost("/account/signout", async (AccountSignIn accounts) =>
            {
                await accounts.SignOutAsync();
                return Results.LocalRedirect("/account/signin");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
}
