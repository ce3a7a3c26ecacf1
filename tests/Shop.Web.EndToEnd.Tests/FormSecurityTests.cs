using System.Net;

namespace Shop.Web.EndToEnd.Tests;

/// <summary>What the web app answers a request that is not a person's own browser at work: plain HTTP, no page script.</summary>
[TestClass]
public sealed class FormSecurityTests
{
    private static WebMesh Mesh => SharedBrowser.Mesh;

    [TestMethod]
    public async Task Pages_forbid_framing_sniffing_referrers_and_anything_loaded_from_elsewhere()
    {
        using var http = Client();

        using var page = await http.GetAsync("account/signin");

        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        StringAssert.Contains(csp, "default-src 'self'");
        StringAssert.Contains(csp, "frame-ancestors 'none'");
        Assert.AreEqual("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.AreEqual("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [TestMethod]
    public async Task A_sign_in_posted_without_the_forms_antiforgery_token_is_refused_and_starts_no_session()
    {
        var email = await Mesh.RegisterAsync("Ada", "correct horse");
        using var http = Client();

        // As a page on another site would post it: the right fields, but no token from our form.
        using var post = await http.PostAsync("account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["Input.Email"] = email,
            ["Input.Password"] = "correct horse",
        }));

        Assert.AreEqual(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.IsFalse(post.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("__Host-shop-session", StringComparison.Ordinal)),
            "a session cookie was set");
    }

    [TestMethod]
    public async Task Signing_out_without_the_forms_antiforgery_token_is_refused()
    {
        using var http = Client();

        using var post = await http.PostAsync("account/signout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.AreEqual(HttpStatusCode.BadRequest, post.StatusCode);
    }

    private static HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Mesh.WebAddress };
}
