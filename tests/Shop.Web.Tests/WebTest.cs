using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Users.V1;
using Shop.Web.Session;
using Shop.Web.Shopping;
using Shop.Web.Tests.Fakes;

[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]

namespace Shop.Web.Tests;

/// <summary>
/// A bUnit context with the web app's own services and fake mesh clients: the pages run as they do
/// in the app, only the gRPC calls end in the fakes.
/// </summary>
public abstract class WebTest
{
    protected const string AdaId = "0b5c8d1e-7f0a-4c57-9a53-3f1d2e6c4b21";

    /// <summary>Where the request that posted a form came from.</summary>
    protected const string BrowserAddress = "203.0.113.7";

    protected BunitContext Context { get; private set; } = null!;

    protected BunitAuthorizationContext Authorization { get; private set; } = null!;

    protected FakeAuthClient Auth { get; } = new();

    protected FakeUserClient Users { get; } = new();

    protected FakeOrderClient Orders { get; } = new();

    protected FakeProductClient Products { get; } = new();

    protected FakeNotificationClient Notifications { get; } = new();

    protected RecordingAuthenticationService Cookies { get; } = new();

    [TestInitialize]
    public void CreateContext()
    {
        Context = new BunitContext();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        var services = Context.Services;
        services.AddSingleton(Options.Create(new WebOptions
        {
            CallDeadline = TimeSpan.FromSeconds(5),
            RetryInterval = TimeSpan.FromMilliseconds(50),
            RefreshInterval = TimeSpan.FromSeconds(30),
        }));
        services.AddMemoryCache();
        services.AddSingleton<AccessTokenStore>();
        services.AddScoped<SignedInUser>();
        services.AddScoped<AccountSignIn>();
        services.AddScoped<Cart>();
        services.AddSingleton<AuthService.AuthServiceClient>(Auth);
        services.AddSingleton<UserService.UserServiceClient>(Users);
        services.AddSingleton<OrderService.OrderServiceClient>(Orders);
        services.AddSingleton<ProductService.ProductServiceClient>(Products);
        services.AddSingleton<NotificationService.NotificationServiceClient>(Notifications);
        // The request that posted a sign-in form, with the cookie handler replaced by a recorder.
        var request = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton<IAuthenticationService>(Cookies).BuildServiceProvider(),
        };
        request.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(BrowserAddress);
        services.AddSingleton<IHttpContextAccessor>(new HttpContextAccessor { HttpContext = request });
        Authorization = Context.AddAuthorization();
        Context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [TestCleanup]
    public async Task DisposeContext() => await Context.DisposeAsync();

    protected void SignInAsAda(params string[] roles)
    {
        Authorization.SetAuthorized("Ada");
        Authorization.SetClaims(new Claim(SessionClaims.UserId, AdaId), new Claim(SessionClaims.Name, "Ada"), new Claim(SessionClaims.Email, "ada@example.com"));
        if (roles.Length > 0) Authorization.SetRoles(roles);
    }
}
