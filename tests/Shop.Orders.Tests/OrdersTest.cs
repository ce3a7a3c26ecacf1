using Dapper;
using Npgsql;
using Shop.Common.V1;
using Shop.Orders.V1;
using Shop.Testing;
using Shop.Testing.Auth;
using Shop.Users.V1;

[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]

namespace Shop.Orders.Tests;

/// <summary>Base of every test class: the class's own orders and users hosts, emptied before each test.</summary>
public abstract class OrdersTest
{
    protected OrdersFixture Fixture { get; private set; } = null!;

    /// <summary>The catalogue as an admin, who may change it.</summary>
    protected ProductService.ProductServiceClient Products => new(Fixture.Host.Channel.As(TestTokens.Admin()));

    /// <summary>OrderService as an admin, who may act on any order (but place none for others: see <see cref="OrdersAs"/>).</summary>
    protected OrderService.OrderServiceClient Orders => new(Fixture.Host.Channel.As(TestTokens.Admin()));

    protected UserService.UserServiceClient Users => new(Fixture.UsersHost!.Channel.As(TestTokens.Admin()));

    /// <summary>OrderService as the customer <paramref name="userId"/> (a customer the request does not name, if it is no id).</summary>
    protected OrderService.OrderServiceClient OrdersAs(string userId) =>
        new(Fixture.Host.Channel.As(TestTokens.User(Guid.TryParse(userId, out var id) ? id : Guid.NewGuid())));

    /// <summary>How the class's fixture is made; by default with an in-process users service.</summary>
    protected virtual Task<OrdersFixture> CreateFixtureAsync() => OrdersFixture.CreateAsync();

    [TestInitialize]
    public async Task StartFromEmptyDatabases()
    {
        Fixture = await ClassFixtures<OrdersFixture>.ForAsync(GetType(), CreateFixtureAsync);
        await Fixture.ResetAsync();
    }

    protected async Task<string> CreateUserAsync(string email = "ada@example.com", string name = "Ada Lovelace") =>
        (await Users.CreateUserAsync(new CreateUserRequest { Email = email, Name = name, Password = "correct horse" })).User.UserId;

    protected async Task<Product> CreateProductAsync(string price = "99.99", int stock = 10, string name = "Teapot", string category = "kitchen") =>
        (await Products.CreateProductAsync(new CreateProductRequest { Name = name, Price = Eur(price), Stock = stock, Category = category })).Product;

    protected async Task<Order> PlaceOrderAsync(string userId, params (Product Product, int Quantity)[] items)
    {
        var request = new PlaceOrderRequest { UserId = userId };
        request.Items.AddRange(items.Select(i => new PlaceOrderItem { ProductId = i.Product.ProductId, Quantity = i.Quantity }));
        return (await OrdersAs(userId).PlaceOrderAsync(request)).Order;
    }

    protected async Task<PayOrderResponse> PayAsync(Order order, string? idempotencyKey = null, Money? amount = null) =>
        await Orders.PayOrderAsync(new PayOrderRequest
        {
            OrderId = order.OrderId,
            Method = PaymentMethod.Card,
            Amount = amount ?? order.Total,
            IdempotencyKey = idempotencyKey ?? Guid.NewGuid().ToString(),
        });

    protected async Task<int> StockAsync(Product product) =>
        (await Products.GetProductAsync(new GetProductRequest { ProductId = product.ProductId })).Product.Stock;

    /// <summary>Reads the orders database directly, to check what a call did (or did not) write.</summary>
    protected async Task<T> QueryOrdersDbAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Fixture.Database.ConnectionString);
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException($"no result for {sql}");
    }

    /// <summary>Rows in each table that records orders, e.g. "orders=0 order_items=0 payments=0 order_events=0".</summary>
    protected async Task<string> OrderRowCountsAsync() => await QueryOrdersDbAsync<string>("""
        SELECT format('orders=%s order_items=%s payments=%s order_events=%s',
            (SELECT count(*) FROM orders), (SELECT count(*) FROM order_items),
            (SELECT count(*) FROM payments), (SELECT count(*) FROM order_events))
        """);
}

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static Task DisposeHosts() => ClassFixtures<OrdersFixture>.DisposeAllAsync();

    /// <summary>A server error fails the test that caused it: see <see cref="ServerLog"/>.</summary>
    [GlobalTestInitialize]
    public static void CollectServerLogs(TestContext test) => ServerLog.BeginTest(test);

    [GlobalTestCleanup]
    public static void FailOnUnexpectedServerErrors(TestContext test) => ServerLog.EndTest(test);
}
