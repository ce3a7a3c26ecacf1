using Microsoft.Playwright;
using Shop.Users.V1;
using static Microsoft.Playwright.Assertions;

namespace Shop.Web.EndToEnd.Tests;

[TestClass]
public sealed class AdminTests : BrowserTest
{
    private static readonly string[] AdminPages = ["admin/users", "admin/products", "admin/orders", "admin/spending"];

    [TestMethod]
    public async Task An_admin_creates_a_user_with_the_New_User_form_and_the_new_user_can_sign_in()
    {
        var email = $"grace-{Guid.NewGuid():N}@shop.test";
        await SignInAsync(WebMesh.AdminEmail, WebMesh.AdminPassword);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Admin");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "New User" }).ClickAsync();
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Name").FillAsync("Grace");
        await Page.GetByLabel("Password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "created" })).ToHaveTextAsync($"User {email} created.");
        await Expect(Page.Locator("table.users td", new() { HasTextString = email })).ToHaveCountAsync(1);
        var login = await Mesh.Auth.LoginAsync(new LoginRequest { Email = email, Password = Password });
        Assert.AreEqual("Grace", login.User.Name, "the user the form created is not the one that signs in");
    }

    [TestMethod]
    public async Task A_customer_sees_no_admin_links_and_reaches_no_admin_page()
    {
        var email = await Mesh.RegisterAsync("Ada", Password);
        await SignInAsync(email);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Ada");

        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true })).ToHaveCountAsync(0);
        foreach (var page in AdminPages)
        {
            await Page.GotoAsync(page);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not allowed");
        }
    }
}
