using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shop.Web.EndToEnd.Tests;

[TestClass]
public sealed class AccessibilityTests : BrowserTest
{
    [TestMethod]
    public async Task Every_customer_page_has_no_serious_or_critical_axe_violation()
    {
        await AssertPagesAccessibleAsync(("account/signin", "Sign in"), ("account/register", "Register"));

        await SignInAsync(await Mesh.RegisterAsync("Ada", Password));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Ada");
        await AssertPagesAccessibleAsync(("", "Welcome, Ada"), ("catalogue", "Catalogue"), ("not-found", "Page not found"),
            ("admin/users", "Not allowed"), ("account/denied", "Not allowed"), ("error", "Something went wrong"));
    }

    [TestMethod]
    public async Task Every_admin_page_has_no_serious_or_critical_axe_violation()
    {
        await SignInAsync(WebMesh.AdminEmail, WebMesh.AdminPassword);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Admin");

        await AssertPagesAccessibleAsync(("admin/products", "Products"), ("admin/orders", "Paid orders"), ("admin/spending", "Customer spending"),
            ("admin/users", "Users"));
        // The New User form, opened on the users page.
        await Page.GetByRole(AriaRole.Button, new() { Name = "New User" }).ClickAsync();
        await AssertAccessibleAsync();
    }

    /// <summary>Each page once loaded (no part of it still loading), checked by axe.</summary>
    private async Task AssertPagesAccessibleAsync(params (string Path, string Heading)[] pages)
    {
        foreach (var (path, heading) in pages)
        {
            await Page.GotoAsync(path);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await Expect(Page.Locator("p.loading")).ToHaveCountAsync(0);
            await AssertAccessibleAsync();
        }
    }
}
