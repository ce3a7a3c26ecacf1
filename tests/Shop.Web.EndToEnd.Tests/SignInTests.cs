using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shop.Web.EndToEnd.Tests;

[TestClass]
public sealed class SignInTests : BrowserTest
{
    [TestMethod]
    public async Task Signing_in_leads_to_the_dashboard_greeting_the_user_by_name()
    {
        var email = await Mesh.RegisterAsync("Ada", Password);

        await Page.GotoAsync("");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/signin"));
        await SignInAsync(email);

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Ada");
        var cookie = (await Page.Context.CookiesAsync()).Single(c => c.Name == "__Host-shop-session");
        Assert.IsTrue(cookie.HttpOnly && cookie.Secure, "the session cookie must be HTTP-only and secure");
        Assert.AreEqual(SameSiteAttribute.Strict, cookie.SameSite, "the session cookie must not go along with other sites' requests");
        Assert.IsFalse(await Page.EvaluateAsync<bool>("() => document.cookie.includes('shop-session')"), "page script can read the session cookie");
    }

    [TestMethod]
    public async Task A_wrong_password_says_so_on_the_sign_in_page()
    {
        var email = await Mesh.RegisterAsync("Grace", Password);

        await SignInAsync(email, "not the password");

        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong email or password.");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/signin"));
    }

    [TestMethod]
    public async Task Signing_in_works_from_the_keyboard_alone()
    {
        var email = await Mesh.RegisterAsync("Linus", Password);
        await Page.GotoAsync("account/signin");

        // Tab from the top of the page (skip link, menu) to the email field; then type, Tab, type, Enter.
        for (var i = 0; i < 10 && !await Page.EvaluateAsync<bool>("() => document.activeElement?.id === 'email'"); i++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }
        await Expect(Page.GetByLabel("Email")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(email);
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("Password")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(Password);
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Linus");
    }

    [TestMethod]
    public async Task Registering_signs_the_new_user_in_and_signing_out_ends_the_session()
    {
        await Page.GotoAsync("account/register");
        await Page.GetByLabel("Email").FillAsync($"linus-{Guid.NewGuid():N}@shop.test");
        await Page.GetByLabel("Name").FillAsync("Linus");
        await Page.GetByLabel("Password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Linus");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/account/signin"));
        await Page.GotoAsync("");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/signin"));
    }
}
