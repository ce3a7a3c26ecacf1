using Microsoft.AspNetCore.Authentication.Cookies;
using Shop.ServiceDefaults.Proxies;
using Shop.ServiceDefaults.Telemetry;
using Shop.Web.Mesh;
using Shop.Web.Security;
using Shop.Web.Session;
using Shop.Web.Shopping;

namespace Shop.Web;

/// <summary>Everything the web app registers and the order of its middleware, in one place.</summary>
internal static class WebAppExtensions
{
    public static void AddWebApp(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>()
            .Bind(builder.Configuration.GetSection(WebOptions.Section))
            .Validate(o => o.IsUsable, "Web settings: CallDeadline, RetryInterval and RefreshInterval must be positive")
            .ValidateOnStart();
        builder.AddTelemetry(builder.Environment.ApplicationName);
        builder.AddKnownProxies();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.AddSessions();
        builder.AddMeshClients();
        builder.Services.AddScoped<Cart>();
    }

    public static void UseWebApp(this WebApplication app)
    {
        // Behind a load balancer listed in ForwardedHeaders:KnownProxies, the browser's address is the one it forwards.
        app.UseKnownProxies();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.MapStaticAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapSignOut();
    }

    /// <summary>
    /// Cookie sessions: the browser holds only an encrypted, HTTP-only, secure cookie; the access token
    /// from AuthService.Login stays in this process (<see cref="AccessTokenStore"/>).
    /// </summary>
    private static void AddSessions(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AccessTokenStore>();
        builder.Services.AddScoped<SignedInUser>();
        builder.Services.AddScoped<AccountSignIn>();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthorization();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                // __Host-: only over HTTPS (localhost counts), for this host and path / alone.
                options.Cookie.Name = "__Host-shop-session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.LoginPath = "/account/signin";
                options.AccessDeniedPath = "/account/denied";
                options.SlidingExpiration = false;
                options.Events.OnValidatePrincipal = SessionValidation.RejectWithoutTokenAsync;
            });
        // Secure whenever the request is (antiforgery refuses to run at all over plain HTTP with Always,
        // and the app is reached over http://localhost in development); the token in the form is what counts.
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "shop-antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
    }
}
