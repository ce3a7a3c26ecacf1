using Grpc.Core;
using Shop.Common.V1;
using Shop.Orders.V1;

namespace Shop.Orders.Tests;

[TestClass]
public sealed class ProductCatalogueTests : OrdersTest
{
    [TestMethod]
    public async Task Create_then_get_keeps_the_price_exact()
    {
        var created = await CreateProductAsync(price: "0.10", stock: 3, name: "Spoon");
        Assert.AreEqual(new Money { CurrencyCode = "EUR", Units = 0, Nanos = 100_000_000 }, created.Price);

        var fetched = (await Products.GetProductAsync(new GetProductRequest { ProductId = created.ProductId })).Product;
        Assert.AreEqual(created, fetched);
        await FailsWith(StatusCode.NotFound, async () => await Products.GetProductAsync(new GetProductRequest { ProductId = Guid.NewGuid().ToString() }));
    }

    [TestMethod]
    public async Task ListProducts_pages_by_name_and_filters_by_category()
    {
        foreach (var (name, category) in new[] { ("Pan", "kitchen"), ("Chair", "garden"), ("Bowl", "kitchen"), ("Apron", "kitchen") })
        {
            await CreateProductAsync(name: name, category: category);
        }

        var first = await Products.ListProductsAsync(new ListProductsRequest { Category = "kitchen", PageSize = 2 });
        var second = await Products.ListProductsAsync(new ListProductsRequest { Category = "kitchen", PageSize = 2, PageToken = first.NextPageToken });

        CollectionAssert.AreEqual(new[] { "Apron", "Bowl", "Pan" }, first.Products.Concat(second.Products).Select(p => p.Name).ToArray());
        Assert.AreEqual("", second.NextPageToken);
        Assert.AreEqual(4, (await Products.ListProductsAsync(new ListProductsRequest())).Products.Count);
    }

    [TestMethod]
    public async Task AdjustStock_adds_and_removes_but_never_below_zero()
    {
        var teapot = await CreateProductAsync(stock: 2);

        Assert.AreEqual(5, (await Products.AdjustStockAsync(new AdjustStockRequest { ProductId = teapot.ProductId, Delta = 3 })).Product.Stock);
        Assert.AreEqual(0, (await Products.AdjustStockAsync(new AdjustStockRequest { ProductId = teapot.ProductId, Delta = -5 })).Product.Stock);
        var error = await FailsWith(StatusCode.FailedPrecondition, async () =>
            await Products.AdjustStockAsync(new AdjustStockRequest { ProductId = teapot.ProductId, Delta = -1 }));
        StringAssert.Contains(error.Status.Detail, "0 in stock");
        Assert.AreEqual(0, await StockAsync(teapot));
        await FailsWith(StatusCode.NotFound, async () =>
            await Products.AdjustStockAsync(new AdjustStockRequest { ProductId = Guid.NewGuid().ToString(), Delta = 1 }));
    }

    [TestMethod]
    [DataRow("", "EUR", 1L, 0, 1, "kitchen", "name:")]
    [DataRow("Teapot", "GBP", 1L, 0, 1, "kitchen", "price.currency_code:")]
    [DataRow("Teapot", "EUR", 0L, 0, 1, "kitchen", "price:")]
    [DataRow("Teapot", "EUR", -5L, 0, 1, "kitchen", "price:")]
    [DataRow("Teapot", "EUR", 9L, 999_000_000, 1, "kitchen", "price:")]
    [DataRow("Teapot", "EUR", 1L, 0, -1, "kitchen", "stock:")]
    [DataRow("Teapot", "EUR", 1L, 0, 1, " ", "category:")]
    public async Task CreateProduct_with_bad_input_is_invalid_argument_naming_the_field_and_writes_nothing(
        string name, string currency, long units, int nanos, int stock, string category, string field)
    {
        var error = await FailsWith(StatusCode.InvalidArgument, async () => await Products.CreateProductAsync(new CreateProductRequest
        {
            Name = name, Price = new Money { CurrencyCode = currency, Units = units, Nanos = nanos }, Stock = stock, Category = category,
        }));
        StringAssert.StartsWith(error.Status.Detail, field);
        Assert.AreEqual(0L, await QueryOrdersDbAsync<long>("SELECT count(*) FROM products"));
    }

    [TestMethod]
    public async Task DeleteProduct_removes_an_unordered_product_but_not_one_with_orders()
    {
        var userId = await CreateUserAsync();
        var unordered = await CreateProductAsync(name: "Unordered");
        var ordered = await CreateProductAsync(name: "Ordered");
        await PlaceOrderAsync(userId, (ordered, 1));

        await Products.DeleteProductAsync(new DeleteProductRequest { ProductId = unordered.ProductId });
        await FailsWith(StatusCode.NotFound, async () => await Products.GetProductAsync(new GetProductRequest { ProductId = unordered.ProductId }));

        var error = await FailsWith(StatusCode.FailedPrecondition, async () =>
            await Products.DeleteProductAsync(new DeleteProductRequest { ProductId = ordered.ProductId }));
        StringAssert.Contains(error.Status.Detail, ordered.ProductId);
        Assert.AreEqual(ordered, (await Products.GetProductAsync(new GetProductRequest { ProductId = ordered.ProductId })).Product);
        await FailsWith(StatusCode.NotFound, async () => await Products.DeleteProductAsync(new DeleteProductRequest { ProductId = unordered.ProductId }));
    }
}
