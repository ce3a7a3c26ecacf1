using Shop.Build.Mesh;
using Shop.Testing.Meshes;
using Shop.Users.V1;

namespace Shop.Cli.Tests;

[TestClass]
public static class AssemblyHooks
{
    /// <summary>The account the users service makes an admin (Auth:Admins); registered first.</summary>
    public const string AdminEmail = "cli-admin@example.com";

    public static ProcessMesh Mesh { get; private set; } = null!;

    public static ShopCli Admin { get; private set; } = null!;

    [AssemblyInitialize]
    public static async Task StartMesh(TestContext _)
    {
        Mesh = await ProcessMesh.StartAsync("cli-logs", service => service == MeshTopology.Users
            // The demo's own admin (DemoCommand.AdminEmail) too, as Run and Demo list it.
            ? new Dictionary<string, string?> { ["Auth:Admins:0"] = AdminEmail, ["Auth:Admins:1"] = "admin@shop.local" }
            : new Dictionary<string, string?>());
        Admin = new ShopCli(Mesh);
        await Admin.JsonAsync<RegisterResponse>("users", "register", AdminEmail, "Cli Admin", "admin password");
        await Admin.JsonAsync<LoginResponse>("users", "login", AdminEmail, "admin password");
    }

    [AssemblyCleanup]
    public static async Task StopMesh()
    {
        Admin?.Dispose();
        if (Mesh is not null) await Mesh.DisposeAsync();
    }
}
