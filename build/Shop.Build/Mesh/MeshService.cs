namespace Shop.Build.Mesh;

/// <summary>One part of the mesh, as <see cref="MeshTopology"/> declares it: a gRPC service with its database, or the web app, which has none.</summary>
public sealed record MeshService
{
    private readonly string? database;
    private readonly string? connectionStringKey;

    /// <param name="name">Its short name: the host name in docker-compose.yml, the log file's name.</param>
    /// <param name="project">Its project under services/, e.g. Shop.Users.</param>
    /// <param name="portOffset">Its port is the port base plus this (Run: 5100 + 1 = 5101).</param>
    /// <param name="addressKey">The setting every part that calls it reads its address (or its replicas' addresses) from.</param>
    /// <param name="database">Its PostgreSQL database (Run's; tests and Bench name theirs after it); null when it keeps no data.</param>
    /// <param name="connectionStringKey">The setting it reads its database from; null when it has none.</param>
    /// <param name="scalesOut">
    /// Whether it runs as several replicas on its one database when asked (<c>--replicas</c>): its state is all in
    /// PostgreSQL. Users keeps one: its login throttle counts attempts in memory, per replica.
    /// </param>
    public MeshService(string name, string project, int portOffset, string addressKey, string? database = null, string? connectionStringKey = null,
        bool scalesOut = false)
    {
        if ((database is null) != (connectionStringKey is null)) throw new ArgumentException($"{name}: a database needs its connection string setting, and only a database does.");
        if (scalesOut && database is null) throw new ArgumentException($"{name}: only a part whose state is in its database scales out.");
        Name = name;
        Project = project;
        PortOffset = portOffset;
        AddressKey = addressKey;
        this.database = database;
        this.connectionStringKey = connectionStringKey;
        ScalesOut = scalesOut;
    }

    public string Name { get; }

    public string Project { get; }

    public int PortOffset { get; }

    public string AddressKey { get; }

    public bool ScalesOut { get; }

    public bool HasDatabase => database is not null;

    /// <exception cref="InvalidOperationException">It has no database (the web app).</exception>
    public string Database => database ?? throw NoDatabase();

    /// <exception cref="InvalidOperationException">It has no database (the web app).</exception>
    public string ConnectionStringKey => connectionStringKey ?? throw NoDatabase();

    /// <summary>Where replica <paramref name="replica"/> (from 1) listens: 5102, then 5112, 5122... for orders.</summary>
    public int Port(int portBase, int replica = 1) => portBase + PortOffset + MeshTopology.ReplicaPortStep * (replica - 1);

    /// <summary><c>{root}/services/{Project}/bin/{configuration}/net10.0/{Project}.dll</c>.</summary>
    public string Dll(string root, string configuration) => ServiceProcess.BuiltDll("services", Project, configuration, root);

    public override string ToString() => Name;

    private InvalidOperationException NoDatabase() => new($"The {Name} part of the mesh has no database.");
}
