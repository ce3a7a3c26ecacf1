using Shop.Orders.V1;
using Shop.Testing;
using Shop.Testing.Auth;
using Shop.Users.V1;

[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]

namespace Shop.Users.Tests;

/// <summary>Base of every test class: the class's own users (and orders) hosts, emptied before each test.</summary>
public abstract class UsersTest
{
    protected UsersFixture Fixture { get; private set; } = null!;

    /// <summary>UserService as an admin, who may call every RPC of it (tests of who may not call as others).</summary>
    protected UserService.UserServiceClient Users => new(Fixture.Host.Channel.As(TestTokens.Admin()));

    /// <summary>AuthService without credentials, as a client that has not logged in.</summary>
    protected AuthService.AuthServiceClient Auth => new(Fixture.Host.Channel);

    protected ProductService.ProductServiceClient Products => new(Fixture.OrdersHost!.Channel.As(TestTokens.Admin()));

    protected OrderService.OrderServiceClient Orders => new(Fixture.OrdersHost!.Channel.As(TestTokens.Admin()));

    /// <summary>OrderService as <paramref name="user"/>, as whom alone their orders can be placed.</summary>
    protected OrderService.OrderServiceClient OrdersAs(User user) => new(Fixture.OrdersHost!.Channel.As(TestTokens.User(Guid.Parse(user.UserId))));

    /// <summary>How the class's fixture is made; by default with an in-process orders service.</summary>
    protected virtual Task<UsersFixture> CreateFixtureAsync() => UsersFixture.CreateAsync();

    [TestInitialize]
    public async Task StartFromEmptyDatabase()
    {
        Fixture = await ClassFixtures<UsersFixture>.ForAsync(GetType(), CreateFixtureAsync);
        await Fixture.ResetAsync();
    }

    protected async Task<User> CreateUserAsync(string email = "ada@example.com", string name = "Ada Lovelace", string password = "correct horse") =>
        (await Users.CreateUserAsync(new CreateUserRequest { Email = email, Name = name, Password = password })).User;

    protected async Task<Product> CreateProductAsync(string price = "99.99", int stock = 100, string name = "Teapot") =>
        (await Products.CreateProductAsync(new CreateProductRequest { Name = name, Price = Eur(price), Stock = stock, Category = "kitchen" })).Product;

    /// <summary>Places an order through the orders service's API, as any client would.</summary>
    protected async Task<Order> PlaceOrderAsync(User user, Product product, int quantity = 1) =>
        (await OrdersAs(user).PlaceOrderAsync(new PlaceOrderRequest
        {
            UserId = user.UserId,
            Items = { new PlaceOrderItem { ProductId = product.ProductId, Quantity = quantity } },
        })).Order;
}

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static Task DisposeHosts() => ClassFixtures<UsersFixture>.DisposeAllAsync();

    /// <summary>A server error fails the test that caused it: see <see cref="ServerLog"/>.</summary>
    [GlobalTestInitialize]
    public static void CollectServerLogs(TestContext test) => ServerLog.BeginTest(test);

    [GlobalTestCleanup]
    public static void FailOnUnexpectedServerErrors(TestContext test) => ServerLog.EndTest(test);
}
