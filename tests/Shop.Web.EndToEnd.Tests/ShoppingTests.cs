using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shop.Common.V1;
using Shop.Orders.V1;
using static Microsoft.Playwright.Assertions;

namespace Shop.Web.EndToEnd.Tests;

[TestClass]
public sealed class ShoppingTests : BrowserTest
{
    [TestMethod]
    public async Task Placing_and_paying_an_order_of_two_shows_199_98_then_PAID_and_the_notification_arrives()
    {
        var category = $"kitchen-{Guid.NewGuid():N}"[..16];
        var cup = await CreateProductAsync("Espresso cup", 99.99m, category);
        await CreateProductAsync("Teapot", 24.50m, $"tea-{Guid.NewGuid():N}"[..12]);
        var email = await Mesh.RegisterAsync("Ada", Password);
        await SignInAsync(email);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Ada");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Catalogue", Exact = true }).ClickAsync();
        await Page.GetByLabel("Category").SelectOptionAsync(category);
        await Expect(Page.Locator("table.products tbody tr")).ToHaveCountAsync(1);
        await Page.GetByLabel("Quantity of Espresso cup").FillAsync("2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add Espresso cup to cart" }).ClickAsync();
        await Expect(Page.Locator("#cart-total")).ToHaveTextAsync("199.98 EUR");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await Expect(Page.Locator("#order-total")).ToHaveTextAsync("199.98 EUR");
        await Expect(Page.Locator("#order-status")).ToHaveTextAsync("PENDING");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pay 199.98 EUR" }).ClickAsync();

        await Expect(Page.Locator("#order-status")).ToHaveTextAsync("PAID");
        await Expect(Page.Locator("ul.notifications li", new() { HasText = "has been paid" })).ToHaveCountAsync(1);
        var stock = await Mesh.Products.GetProductAsync(new GetProductRequest { ProductId = cup.ProductId });
        Assert.AreEqual(8, stock.Product.Stock, "paying takes the stock");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
        var row = Page.Locator("table.orders tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".status")).ToHaveTextAsync("PAID");
        await Expect(row.Locator(".amount")).ToHaveTextAsync("199.98 EUR");
        await Expect(Page.Locator("#unread-count")).ToHaveTextAsync(new Regex("^[1-9]"));
    }

    private static async Task<Product> CreateProductAsync(string name, decimal price, string category) =>
        (await Mesh.Products.CreateProductAsync(new CreateProductRequest { Name = name, Price = Money.FromDecimal(price, "EUR"), Stock = 10, Category = category })).Product;
}
