using Microsoft.Playwright;
using Shop.Common.V1;
using Shop.Orders.V1;
using Shop.Users.V1;
using static Microsoft.Playwright.Assertions;

namespace Shop.Web.EndToEnd.Tests;

[TestClass]
public sealed class AdminTests : BrowserTest
{
    private static readonly string[] AdminPages = ["admin/users", "admin/products", "admin/orders", "admin/spending"];

    [TestMethod]
    public async Task An_admin_creates_a_user_with_the_New_User_form_and_cannot_delete_them_once_they_have_ordered()
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

        await Expect(Page.Locator("p.success")).ToHaveTextAsync($"User {email} created.");
        await Expect(Page.Locator("table.users td", new() { HasTextString = email })).ToHaveCountAsync(1);
        var grace = (await Mesh.Auth.LoginAsync(new LoginRequest { Email = email, Password = Password })).User;
        Assert.AreEqual("Grace", grace.Name, "the user the form created is not the one that signs in");

        await PlaceAnOrderAsync(grace.UserId);
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Delete {email}" }).ClickAsync();

        await Expect(Page.Locator("p.error")).ToHaveTextAsync($"{email} was not deleted: User {grace.UserId} has orders and cannot be deleted.");
        await Expect(Page.Locator("table.users td", new() { HasTextString = email })).ToHaveCountAsync(1);
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

    private static async Task PlaceAnOrderAsync(string userId)
    {
        var product = (await Mesh.Products.CreateProductAsync(new CreateProductRequest
        {
            Name = "Teapot", Price = Money.FromDecimal(24.50m, "EUR"), Stock = 5, Category = $"tea-{Guid.NewGuid():N}"[..12],
        })).Product;
        await Mesh.OrdersAs(userId).PlaceOrderAsync(new PlaceOrderRequest
        {
            UserId = userId, Items = { new PlaceOrderItem { ProductId = product.ProductId, Quantity = 1 } },
        });
    }
}
