namespace Shop.Build.Mesh;

/// <summary>One service of the mesh, as <see cref="MeshTopology"/> declares it.</summary>
/// <param name="Name">Its short name: the host name in docker-compose.yml, the log file's name.</param>
/// <param name="Project">Its project under services/, e.g. Shop.Users.</param>
/// <param name="PortOffset">Its port is the port base plus this (Run: 5100 + 1 = 5101).</param>
/// <param name="Database">Its PostgreSQL database (Run's; tests and Bench name theirs after it).</param>
/// <param name="ConnectionStringKey">The setting it reads its database from.</param>
/// <param name="AddressKey">The setting every service that calls it reads its address from.</param>
public sealed record MeshService(string Name, string Project, int PortOffset, string Database, string ConnectionStringKey, string AddressKey)
{
    public int Port(int portBase) => portBase + PortOffset;

    /// <summary><c>{root}/services/{Project}/bin/{configuration}/net10.0/{Project}.dll</c>.</summary>
    public string Dll(string root, string configuration) => ServiceProcess.BuiltDll("services", Project, configuration, root);

    public override string ToString() => Name;
}
