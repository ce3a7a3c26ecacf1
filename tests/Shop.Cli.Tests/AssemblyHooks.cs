using Shop.Users.V1;

namespace Shop.Cli.Tests;

[TestClass]
public static class AssemblyHooks
{
    public static CliMesh Mesh { get; private set; } = null!;

    public static ShopCli Admin { get; private set; } = null!;

    [AssemblyInitialize]
    public static async Task StartMesh(TestContext _)
    {
        Mesh = await CliMesh.StartAsync();
        Admin = new ShopCli(Mesh);
        await Admin.JsonAsync<RegisterResponse>("users", "register", CliMesh.AdminEmail, "Cli Admin", "admin password");
        await Admin.JsonAsync<LoginResponse>("users", "login", CliMesh.AdminEmail, "admin password");
    }

    [AssemblyCleanup]
    public static async Task StopMesh()
    {
        Admin?.Dispose();
        if (Mesh is not null) await Mesh.DisposeAsync();
    }
}
