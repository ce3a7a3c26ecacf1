using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shop.Web.EndToEnd.Tests;

[TestClass]
public sealed class AdminTests : BrowserTest
{
    [TestMethod]
    public async Task An_admin_creates_a_user_with_the_New_User_form_and_sees_the_success_message()
    {
        var email = $"grace-{Guid.NewGuid():N}@shop.test";
        await SignInAsAdminAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "New User" }).ClickAsync();
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Name").FillAsync("Grace");
        await Page.GetByLabel("Password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();

        await Expect(Page.Locator("p.success")).ToHaveTextAsync($"User {email} created.");
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = email, Exact = true })).ToBeVisibleAsync();
        // The account is real: its owner can sign in.
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(email);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Grace");
    }

    [TestMethod]
    public async Task A_customer_does_not_reach_the_admin_pages()
    {
        var email = await Mesh.RegisterAsync("Ada", Password);
        await SignInAsync(email);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Ada");

        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true })).ToHaveCountAsync(0);
        await Page.GotoAsync("admin/users");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not allowed");
    }
}
