using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shop.Web.EndToEnd.Tests;

[TestClass]
public sealed class AccessibilityTests : BrowserTest
{
    [TestMethod]
    public async Task Every_page_has_no_serious_or_critical_axe_violation()
    {
        foreach (var (path, heading) in new[] { ("account/signin", "Sign in"), ("account/register", "Register") })
        {
            await Page.GotoAsync(path);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await AssertAccessibleAsync();
        }

        await SignInAsAdminAsync();
        foreach (var (path, heading) in new[]
        {
            ("", "Welcome, Admin"), ("catalogue", "Catalogue"), ("admin/users", "Users"), ("admin/products", "Products"),
            ("admin/orders", "Paid orders"), ("admin/spending", "Customer spending"), ("not-found", "Page not found"),
        })
        {
            await Page.GotoAsync(path);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await Expect(Page.Locator("p.loading")).ToHaveCountAsync(0);
            await AssertAccessibleAsync();
        }
    }
}
