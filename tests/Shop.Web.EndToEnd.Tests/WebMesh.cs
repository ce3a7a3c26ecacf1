using Shop.Build.Mesh;
using Shop.Orders.V1;
using Shop.Testing;
using Shop.Testing.Auth;
using Shop.Testing.Meshes;
using Shop.Users.V1;
using WebProgram = Shop.Web.Program;

namespace Shop.Web.EndToEnd.Tests;

/// <summary>
/// The services in this process (<see cref="InProcessMesh"/>) and the web app on a real loopback port for the
/// browser, every client of each wired through the one <see cref="MeshRouter"/> (so a service can be taken down
/// for the web app and the services alike). Shared by every test of the assembly.
/// </summary>
public sealed class WebMesh : IAsyncDisposable
{
    /// <summary>Registered before the run; the users service makes its tokens carry the role admin.</summary>
    public const string AdminEmail = "admin@shop.test";

    public const string AdminPassword = "admin password";

    private readonly InProcessMesh services;
    private readonly GrpcServiceHost<WebProgram> web;
    private readonly ServerLog[] logs;

    private WebMesh(InProcessMesh services, GrpcServiceHost<WebProgram> web, Uri webAddress)
    {
        this.services = services;
        this.web = web;
        logs = [web.Log, services.Orders.Log, services.Users.Log, services.Notifications.Log];
        Auth = new AuthService.AuthServiceClient(services.Users.Channel);
        // The catalogue is set up as an admin (TestTokens: the run's test keys, which every host holds).
        Products = new ProductService.ProductServiceClient(services.Orders.Channel.As(TestTokens.Admin()));
        WebAddress = webAddress;
    }

    public MeshRouter Router => services.Router;

    public AuthService.AuthServiceClient Auth { get; }

    public ProductService.ProductServiceClient Products { get; }

    /// <summary>OrderService as the customer <paramref name="userId"/>, e.g. to give someone an order outside the browser.</summary>
    public OrderService.OrderServiceClient OrdersAs(string userId) => new(services.Orders.Channel.As(TestTokens.User(Guid.Parse(userId))));

    /// <summary>Where the browser finds the web app: localhost, which browsers treat as secure, so the session cookie is set.</summary>
    public Uri WebAddress { get; }

    public static async Task<WebMesh> StartAsync()
    {
        var services = await InProcessMesh.StartAsync(service => service == MeshTopology.Users
            ? new Dictionary<string, string?> { ["Auth:Admins:0"] = AdminEmail }
            : new Dictionary<string, string?>());

        var port = LoopbackPorts.Free();
        var web = new GrpcServiceHost<WebProgram>(MeshTopology.Settings(MeshTopology.Web, null, callee => MeshRouter.Address(callee.Name), new Dictionary<string, string?>
        {
            ["Web:RetryInterval"] = "00:00:00.500",
            ["Web:RefreshInterval"] = "00:00:01",
        }), services.Router.Carry);
        web.UseKestrel(port);
        web.StartServer();

        var mesh = new WebMesh(services, web, new Uri($"http://localhost:{port}/"));
        await mesh.Auth.RegisterAsync(new RegisterRequest { Email = AdminEmail, Name = "Admin", Password = AdminPassword });
        return mesh;
    }

    /// <summary>How many errors each host has logged so far, to tell what one test caused (see <see cref="ServerErrorsSince"/>).</summary>
    public int[] ServerErrorCounts() => [.. logs.Select(l => l.UnexpectedErrors().Count)];

    /// <summary>The errors the hosts logged after <paramref name="counts"/> were taken.</summary>
    public IReadOnlyList<ServerLogEntry> ServerErrorsSince(int[] counts) =>
        [.. logs.SelectMany((log, i) => log.UnexpectedErrors().Skip(counts[i]))];

    /// <summary>A new customer account with a unique email; returns the email.</summary>
    public async Task<string> RegisterAsync(string name, string password)
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@shop.test";
        await Auth.RegisterAsync(new RegisterRequest { Email = email, Name = name, Password = password });
        return email;
    }

    public async ValueTask DisposeAsync()
    {
        await web.DisposeAsync();
        await services.DisposeAsync();
    }
}
