using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shop.Web.EndToEnd.Tests;

[TestClass]
public sealed class AdminTests : BrowserTest
{
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
