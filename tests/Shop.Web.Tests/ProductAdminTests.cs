using Bunit;
using Shop.Common.V1;
using Shop.Orders.V1;
using Shop.Web.Components.Pages.Admin;
using Shop.Web.Session;

namespace Shop.Web.Tests;

[TestClass]
public sealed class ProductAdminTests : WebTest
{
    [TestMethod]
    public void Creating_a_product_says_so_and_lists_it_with_its_price_and_stock()
    {
        SignInAsAda(SessionClaims.AdminRole);
        var page = Context.Render<ProductAdmin>();

        page.Find("#product-name").Change("Espresso cup");
        page.Find("#product-price").Change("99.99");
        page.Find("#product-stock").Change("10");
        page.Find("#product-category").Change("kitchen");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.AreEqual("Product Espresso cup created.", page.Find("p.success").TextContent));
        var created = Products.Products.Single();
        Assert.AreEqual(99.99m, created.Price.ToDecimal(), "the price must reach orders exactly");
        var cells = page.FindAll("table.products tbody tr td").Select(td => td.TextContent).ToList();
        CollectionAssert.IsSubsetOf(new[] { "Espresso cup", "kitchen", "99.99 EUR", "10" }, cells);
    }

    [TestMethod]
    public void Adjusting_stock_shows_the_new_stock_and_a_refused_adjustment_says_why()
    {
        SignInAsAda(SessionClaims.AdminRole);
        var cup = new Product { ProductId = Guid.NewGuid().ToString(), Name = "Espresso cup", Price = Money.FromDecimal(99.99m, "EUR"), Stock = 10, Category = "kitchen" };
        Products.Products.Add(cup);
        var page = Context.Render<ProductAdmin>();

        page.Find($"#delta-{cup.ProductId}").Change("-3");
        page.Find("button[aria-label='Adjust stock of Espresso cup']").Click();

        page.WaitForAssertion(() => Assert.AreEqual("Espresso cup: 7 in stock.", page.Find("p.success").TextContent));
        page.Find($"#delta-{cup.ProductId}").Change("-8");
        page.Find("button[aria-label='Adjust stock of Espresso cup']").Click();
        page.WaitForAssertion(() => Assert.AreEqual($"Stock of product {cup.ProductId} would be -1.", page.Find("p.error").TextContent));
        Assert.AreEqual(7, cup.Stock);
    }
}
