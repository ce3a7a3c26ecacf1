using Shop.Testing.Meshes;
using Shop.Users.V1;

[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]

namespace Shop.Cli.Tests;

/// <summary>
/// Base of the client's tests: one mesh of processes for the whole assembly (every test makes its own
/// users, so they share it safely), and a client of its own per test, signed in as nobody until it logs in.
/// </summary>
public abstract class CliTest
{
    private readonly List<ShopCli> clients = [];

    protected const string Password = "correct horse";

    protected static ProcessMesh Mesh => AssemblyHooks.Mesh;

    /// <summary>Signed in as the mesh's admin (for the catalogue and fulfilment).</summary>
    protected static ShopCli Admin => AssemblyHooks.Admin;

    protected ShopCli NewClient()
    {
        var client = new ShopCli(Mesh);
        clients.Add(client);
        return client;
    }

    /// <summary>A new client, registered and logged in as a new customer.</summary>
    protected async Task<(ShopCli Client, User User)> NewCustomerAsync()
    {
        var client = NewClient();
        var email = $"cli-{Guid.NewGuid():N}@example.com";
        var user = (await client.JsonAsync<RegisterResponse>("users", "register", email, "Cli Customer", Password)).User;
        await client.JsonAsync<LoginResponse>("users", "login", email, Password);
        return (client, user);
    }

    /// <summary>A product in stock, added by the admin; its id.</summary>
    protected static async Task<string> NewProductAsync(string price = "99.99", int stock = 10) =>
        (await Admin.JsonAsync<Shop.Orders.V1.CreateProductResponse>("products", "add", "Espresso cup", price, stock.ToString(), "--category", "kitchen"))
        .Product.ProductId;

    [TestCleanup]
    public void DisposeClients() => clients.ForEach(c => c.Dispose());
}
