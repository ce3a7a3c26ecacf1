using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shop.Web.EndToEnd.Tests;

[TestClass]
public sealed class OutageTests : BrowserTest
{
    [TestMethod]
    public async Task With_orders_down_the_dashboard_says_so_in_place_and_recovers_without_a_reload()
    {
        var email = await Mesh.RegisterAsync("Ada", Password);
        await SignInAsync(email);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Ada");

        using (Mesh.Router.TakeDown("orders"))
        {
            await Page.ReloadAsync();
            await Expect(Page.Locator("p.outage")).ToHaveTextAsync("Order service unavailable");
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Ada");
            await Expect(Page.Locator("#unread-count")).ToBeVisibleAsync();
            // Marks this document: a reload would lose it.
            await Page.EvaluateAsync("() => window.shopTestMarker = 'still here'");
        }

        await Expect(Page.Locator("p.outage")).ToHaveCountAsync(0);
        await Expect(Page.GetByText("No orders yet.")).ToBeVisibleAsync();
        Assert.AreEqual("still here", await Page.EvaluateAsync<string>("() => window.shopTestMarker"), "the page was reloaded");
    }
}
