namespace Shop.Build.Mesh;

/// <summary>
/// The mesh, declared once: its services, their ports, who calls whom and the settings that carry
/// it. Run, Demo, Bench, the process and in-process meshes and the test fixtures are built from it;
/// a test holds docker-compose.yml to it.
/// </summary>
public static class MeshTopology
{
    /// <summary>Run and Demo listen on this plus each service's offset (5101-5103) unless --port-base says otherwise.</summary>
    public const int DefaultPortBase = 5100;

    public static MeshService Users { get; } =
        new("users", "Shop.Users", PortOffset: 1, "shop_users", "ConnectionStrings:Users", "Services:Users");

    public static MeshService Orders { get; } =
        new("orders", "Shop.Orders", PortOffset: 2, "shop_orders", "ConnectionStrings:Orders", "Services:Orders");

    public static MeshService Notifications { get; } =
        new("notifications", "Shop.Notifications", PortOffset: 3, "shop_notifications", "ConnectionStrings:Notifications", "Services:Notifications");

    /// <summary>In the order they start.</summary>
    public static IReadOnlyList<MeshService> Services { get; } = [Users, Orders, Notifications];

    public static IReadOnlyList<MeshCall> Calls { get; } =
    [
        new(Users, Orders),          // ListUserOrders and DeleteUser's question (OrderHistory)
        new(Orders, Users),          // the user of every order (UserDirectory)
        new(Orders, Notifications),  // the outbox's deliveries (NotificationPublisher)
    ];

    /// <summary>Bench's services listen beside Run's (5201-5204 by default), so both can run at once.</summary>
    public static int BenchPortBase(int portBase) => portBase + 100;

    public static MeshService Service(string name) =>
        Services.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No service '{name}' in the mesh.", nameof(name));

    public static IEnumerable<MeshService> CalledBy(MeshService caller) => Calls.Where(c => c.Caller == caller).Select(c => c.Callee);

    /// <summary>
    /// The settings (configuration keys, <c>Section:Key</c>) that wire <paramref name="service"/> into a mesh:
    /// its database and the address of every service it calls, then <paramref name="more"/> (which wins).
    /// </summary>
    public static Dictionary<string, string?> Settings(MeshService service, string connectionString, Func<MeshService, Uri> address,
        IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { [service.ConnectionStringKey] = connectionString };
        foreach (var callee in CalledBy(service))
        {
            settings[callee.AddressKey] = address(callee).AbsoluteUri.TrimEnd('/');
        }
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    /// <summary>The environment variable a process reads a configuration key from (<c>Services:Users</c> → <c>Services__Users</c>).</summary>
    public static string EnvironmentVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary><paramref name="settings"/> as environment variables.</summary>
    public static Dictionary<string, string?> AsEnvironment(IEnumerable<KeyValuePair<string, string?>> settings) =>
        settings.ToDictionary(s => EnvironmentVariable(s.Key), s => s.Value);

    public static Uri Loopback(int port) => new($"http://127.0.0.1:{port}");
}
