using Bunit;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Components;
using Shop.Users.V1;
using Shop.Web.Components.Pages.Account;
using Shop.Web.Session;
using Shop.Web.Tests.Fakes;

namespace Shop.Web.Tests;

[TestClass]
public sealed class SignInTests : WebTest
{
    [TestMethod]
    public void Signing_in_with_the_right_password_starts_a_session_and_goes_to_the_dashboard()
    {
        Auth.OnLogin = request => request is { Email: "ada@example.com", Password: "correct horse" }
            ? new LoginResponse
            {
                AccessToken = "opaque-token",
                ExpiresAt = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(1)),
                User = new User { UserId = AdaId, Email = "ada@example.com", Name = "Ada" },
            }
            : throw Calls.Failure(StatusCode.Unauthenticated, "invalid email or password");
        var page = Context.Render<SignIn>();

        SubmitCredentials(page, "ada@example.com", "correct horse");

        Assert.IsNotNull(Cookies.SignedIn, "no session was started");
        Assert.AreEqual("Ada", Cookies.SignedIn.Identity?.Name);
        Assert.AreEqual(AdaId, Cookies.SignedIn.Find(SessionClaims.UserId));
        // The cookie carries a session id; the token itself stays in the server's store.
        Assert.IsFalse(Cookies.SignedIn.Claims.Any(c => c.Value.Contains("opaque-token")), "the token must not be in the cookie's claims");
        var store = Context.Services.GetService(typeof(AccessTokenStore)) as AccessTokenStore;
        Assert.AreEqual("opaque-token", store!.Find(Cookies.SignedIn.Find(SessionClaims.SessionId)!));
        Assert.AreEqual(BrowserAddress, Auth.LoginHeaders?.GetValue("x-forwarded-for"), "users could not tell the browsers apart");
        Assert.AreEqual("http://localhost/", Context.Services.GetService(typeof(NavigationManager)) is NavigationManager nav ? nav.Uri : null);
    }

    [TestMethod]
    public void A_wrong_password_says_so_and_starts_no_session()
    {
        Auth.OnLogin = _ => throw Calls.Failure(StatusCode.Unauthenticated, "invalid email or password");
        var page = Context.Render<SignIn>();

        SubmitCredentials(page, "ada@example.com", "wrong");

        Assert.AreEqual("Wrong email or password.", page.Find("[role=alert]").TextContent);
        Assert.IsNull(Cookies.SignedIn);
    }

    [TestMethod]
    public void Too_many_attempts_says_when_to_try_again()
    {
        Auth.OnLogin = _ => throw Calls.Failure(StatusCode.ResourceExhausted, "too many attempts", new Metadata { { "retry-after", "30" } });
        var page = Context.Render<SignIn>();

        SubmitCredentials(page, "ada@example.com", "guess");

        Assert.AreEqual("Too many attempts. Try again in 30 seconds.", page.Find("[role=alert]").TextContent);
        Assert.IsNull(Cookies.SignedIn);
    }

    private static void SubmitCredentials(IRenderedComponent<SignIn> page, string email, string password)
    {
        page.Find("#email").Change(email);
        page.Find("#password").Change(password);
        page.Find("form").Submit();
    }
}
