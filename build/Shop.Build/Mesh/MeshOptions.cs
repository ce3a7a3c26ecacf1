namespace Shop.Build.Mesh;

/// <summary>How <see cref="MeshProcesses"/> runs the topology's services: where each listens, its database, its output.</summary>
public sealed record MeshOptions
{
    /// <summary>The repository's root folder (the one holding Shop.sln).</summary>
    public required string Root { get; init; }

    /// <summary>The build configuration whose service dlls run (Release, Debug).</summary>
    public required string Configuration { get; init; }

    /// <summary>Each service's port (its first replica's).</summary>
    public required Func<MeshService, int> Port { get; init; }

    /// <summary>How many replicas of each service that scales out (<see cref="MeshService.ScalesOut"/>) run; the others run once.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>The port of a further replica (2, 3...); by default <see cref="MeshTopology.ReplicaPortStep"/> apart from the first.</summary>
    public Func<MeshService, int, int>? ReplicaPort { get; init; }

    /// <summary>Each service's database connection string (asked only of those with a database).</summary>
    public required Func<MeshService, string> ConnectionString { get; init; }

    /// <summary>What <see cref="MeshProcesses.Start(MeshOptions)"/> starts, in order: the gRPC services unless told otherwise (Run and Demo add the web app).</summary>
    public IReadOnlyList<MeshService> Services { get; init; } = MeshTopology.Services;

    /// <summary>Environment every service gets (e.g. ASPNETCORE_ENVIRONMENT, logging levels).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Settings (<c>Section:Key</c>) one service gets on top of its wiring, e.g. a signing key.</summary>
    public Func<MeshService, IReadOnlyDictionary<string, string?>>? Settings { get; init; }

    /// <summary>Each service's output goes to <c>{LogDirectory}/{name}{LogSuffix}.log</c>; without one, to the console.</summary>
    public string? LogDirectory { get; init; }

    public string LogSuffix { get; init; } = "";

    /// <summary>More command-line arguments for every service.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public int ReplicasOf(MeshService service) => service.ScalesOut ? Replicas : 1;

    /// <summary>Replica <paramref name="replica"/>'s port, from 1.</summary>
    public int PortOf(MeshService service, int replica) =>
        replica == 1 ? Port(service) : ReplicaPort?.Invoke(service, replica) ?? Port(service) + MeshTopology.ReplicaPortStep * (replica - 1);

    /// <summary>The first replica's address.</summary>
    public Uri Address(MeshService service) => MeshTopology.Loopback(Port(service));

    /// <summary>Every replica's address, the first first.</summary>
    public IReadOnlyList<Uri> Addresses(MeshService service) =>
        [.. Enumerable.Range(1, ReplicasOf(service)).Select(replica => MeshTopology.Loopback(PortOf(service, replica)))];

    /// <summary>
    /// The environment <paramref name="service"/> runs with (every replica of it alike): the common one, its
    /// wiring (each callee at all its replicas' addresses), its known proxies, its own settings.
    /// </summary>
    public Dictionary<string, string?> EnvironmentFor(MeshService service)
    {
        var environment = new Dictionary<string, string?>(Environment);
        var settings = MeshTopology.ReplicatedSettings(service, service.HasDatabase ? ConnectionString(service) : null, Addresses, KnownProxies(service));
        foreach (var (key, value) in Settings?.Invoke(service) ?? new Dictionary<string, string?>()) settings[key] = value;
        foreach (var (key, value) in MeshTopology.AsEnvironment(settings)) environment[key] = value;
        return environment;
    }

    /// <summary>
    /// The loopback address of each caller started here that forwards its clients' addresses to <paramref name="service"/>
    /// (users believes the web app's X-Forwarded-For; any program on the machine could send it from there too).
    /// </summary>
    private Dictionary<string, string?> KnownProxies(MeshService service) =>
        MeshTopology.ClientAddressForwardersTo(service).Where(Services.Contains).Select(caller => Address(caller).Host).Distinct()
            .Select((host, index) => (host, index)).ToDictionary(p => MeshTopology.KnownProxyKey(p.index), p => (string?)p.host);
}
