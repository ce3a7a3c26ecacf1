namespace Shop.Build.Mesh;

/// <summary>
/// The mesh, declared once: its gRPC services and the web app in front of them, their ports, who calls
/// whom and the settings that carry it. Run, Demo, Bench, the process and in-process meshes and the test fixtures are built from it;
/// a test holds docker-compose.yml to it.
/// </summary>
public static class MeshTopology
{
    /// <summary>Run and Demo listen on this plus each part's offset (web 5100, services 5101-5103) unless --port-base says otherwise.</summary>
    public const int DefaultPortBase = 5100;

    /// <summary>A service's replicas listen this far apart (orders: 5102, 5112...), below Bench's port base.</summary>
    public const int ReplicaPortStep = 10;

    /// <summary>The most replicas Run starts of a service that scales out, so that their ports stay below Bench's.</summary>
    public const int MaxReplicas = 9;

    public static MeshService Users { get; } =
        new("users", "Shop.Users", portOffset: 1, "Services:Users", "shop_users", "ConnectionStrings:Users", scalesOut: false);

    public static MeshService Orders { get; } =
        new("orders", "Shop.Orders", portOffset: 2, "Services:Orders", "shop_orders", "ConnectionStrings:Orders", scalesOut: true);

    public static MeshService Notifications { get; } =
        new("notifications", "Shop.Notifications", portOffset: 3, "Services:Notifications", "shop_notifications", "ConnectionStrings:Notifications", scalesOut: true);

    /// <summary>The web app (Blazor, for browsers over HTTP): no database, no gRPC of its own; it calls every service as the signed-in user.</summary>
    public static MeshService Web { get; } = new("web", "Shop.Web", portOffset: 0, "Services:Web");

    /// <summary>The gRPC services, each with its database, in the order they start.</summary>
    public static IReadOnlyList<MeshService> Services { get; } = [Users, Orders, Notifications];

    /// <summary>Everything Run and Demo start: the services, then the web app.</summary>
    public static IReadOnlyList<MeshService> All { get; } = [.. Services, Web];

    public static IReadOnlyList<MeshCall> Calls { get; } =
    [
        new(Users, Orders),          // ListUserOrders and DeleteUser's question (OrderHistory)
        new(Orders, Users),          // the user of every order (UserDirectory)
        new(Orders, Notifications),  // the outbox's deliveries (NotificationPublisher)
        // Sign-in, registration, the admin's users (Mesh/MeshClientRegistration); the browser's address for users' login limits.
        new(Web, Users, ForwardsClientAddress: true),
        new(Web, Orders),            // catalogue, orders, payment, the admin's products and spending
        new(Web, Notifications),     // the dashboard's notifications
    ];

    /// <summary>Bench's services listen beside Run's (5201-5204 by default), so both can run at once.</summary>
    public static int BenchPortBase(int portBase) => portBase + 100;

    public static MeshService Service(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No service '{name}' in the mesh.", nameof(name));

    public static IEnumerable<MeshService> CalledBy(MeshService caller) => Calls.Where(c => c.Caller == caller).Select(c => c.Callee);

    /// <summary>Whose X-Forwarded-For <paramref name="callee"/> believes: the callers that forward their clients' addresses to it.</summary>
    public static IEnumerable<MeshService> ClientAddressForwardersTo(MeshService callee) =>
        Calls.Where(c => c.Callee == callee && c.ForwardsClientAddress).Select(c => c.Caller);

    /// <summary>The setting, one per index, that lists the proxies whose X-Forwarded-For a service believes.</summary>
    public static string KnownProxyKey(int index) => $"ForwardedHeaders:KnownProxies:{index}";

    /// <summary>
    /// The settings (configuration keys, <c>Section:Key</c>) that wire <paramref name="service"/> into a mesh:
    /// its database (when it has one) and the address of every service it calls, then <paramref name="more"/> (which wins).
    /// </summary>
    public static Dictionary<string, string?> Settings(MeshService service, string? connectionString, Func<MeshService, Uri> address,
        IReadOnlyDictionary<string, string?>? more = null) =>
        ReplicatedSettings(service, connectionString, callee => [address(callee)], more);

    /// <summary>
    /// As above, each callee at the addresses of all its replicas: one address is the setting as it always was,
    /// several are listed with commas, which the services balance their calls over (round robin).
    /// </summary>
    public static Dictionary<string, string?> ReplicatedSettings(MeshService service, string? connectionString, Func<MeshService, IReadOnlyList<Uri>> replicas,
        IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>();
        if (service.HasDatabase)
        {
            settings[service.ConnectionStringKey] = connectionString
                ?? throw new ArgumentNullException(nameof(connectionString), $"{service} needs its database's connection string.");
        }
        foreach (var callee in CalledBy(service))
        {
            settings[callee.AddressKey] = string.Join(",", replicas(callee).Select(a => a.AbsoluteUri.TrimEnd('/')));
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
