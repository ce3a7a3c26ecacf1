// The mesh as processes for Run, Demo and Bench, built from the one MeshTopology (build/Shop.Build).

/// <summary>
/// How long Run and Demo wait at most for the mesh to be ready. Each wait ends as soon as it is (listening,
/// SERVING) or a service exits, so the ceiling only catches a hang: a slow machine makes it slower, not red.
/// </summary>
var readinessCeiling = TimeSpan.FromMinutes(5);

/// <summary>
/// The services as processes on the port base (5101-5103 by default), wired to each other and to PostgreSQL,
/// and the web app in front of them (5100); their output on the console; <paramref name="replicas"/> of each service
/// that scales out, balanced by their callers. Quiet: errors only (the demo's outage is expected, its warnings would
/// bury the tables).
/// </summary>
MeshProcesses StartMesh(bool quiet = false, int replicas = 1)
{
    var environment = MeshEnvironment();
    environment["ASPNETCORE_ENVIRONMENT"] = "Development";
    // The admin of Run and Demo (users reads it; the demo registers it; on Run, register it before anyone else).
    environment["Auth__Admins__0"] = AdminEmail;
    if (quiet) environment["Logging__LogLevel__Default"] = "Error";
    var mesh = MeshProcesses.Start(new MeshOptions
    {
        Root = root.FullPath,
        Configuration = configuration,
        Services = MeshTopology.All,
        Port = service => service.Port(portBase),
        ConnectionString = service => ServiceConnection(service.Database),
        Environment = environment,
        Replicas = replicas,
    });
    try
    {
        mesh.WaitUntilListeningAsync(readinessCeiling).GetAwaiter().GetResult();
    }
    catch
    {
        mesh.Dispose();
        throw;
    }
    foreach (var service in MeshTopology.Services)
    {
        Information("{0,-20} {1}  (gRPC over HTTP/2 without TLS)", service.Project, string.Join(" ", mesh.Addresses(service).Select(a => a.AbsoluteUri.TrimEnd('/'))));
    }
    Information("{0,-20} {1}  (the web app: open it in a browser)", MeshTopology.Web.Project, WebAddress());
    return mesh;
}

/// <summary>
/// The admin of Run and Demo: listed in Auth:Admins; the demo registers it with the client's demo password,
/// on Run register it yourself (the web app's Register page) before anyone else does.
/// </summary>
const string AdminEmail = "admin@shop.local";

/// <summary>
/// Where a browser finds the web app: localhost (listening on 127.0.0.1), which browsers count as secure,
/// so they keep its Secure session cookie over plain HTTP.
/// </summary>
string WebAddress() => $"http://localhost:{MeshTopology.Web.Port(portBase)}";

/// <summary>The web app's sign-in page answers: the demo's step for the web app, which has no gRPC health.</summary>
void CheckWebApp()
{
    using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    var started = DateTime.UtcNow;
    using var response = http.GetAsync($"{WebAddress()}/account/signin").GetAwaiter().GetResult();
    var page = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
    if (!response.IsSuccessStatusCode || !page.Contains("<h1>Sign in</h1>"))
    {
        throw new CakeException($"The web app at {WebAddress()} did not show its sign-in page ({(int)response.StatusCode}).");
    }
    Information("web app answers     {0}/account/signin: 200, the sign-in page ({1:0} ms); sign in there as {2} with the password the demo's admin step printed",
        WebAddress(), (DateTime.UtcNow - started).TotalMilliseconds, AdminEmail);
}

/// <summary>
/// Until Ctrl-C (the terminal sends it to the services too, which stop; Cake's own process may not see it),
/// or until a service stops by itself; then stops them all.
/// </summary>
void RunUntilStopped(MeshProcesses mesh)
{
    var stop = new System.Threading.ManualResetEventSlim();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Set(); };
    while (!stop.Wait(500) && !mesh.AnyExited)
    {
    }
    mesh.Dispose();
}

/// <summary>The command-line client against the mesh's addresses; a failed command fails the build.</summary>
void ShopCli(MeshProcesses mesh, string arguments)
{
    var cli = root.CombineWithFilePath($"services/Shop.Cli/bin/{configuration}/net10.0/Shop.Cli.dll");
    Execute("dotnet", new ProcessSettings
    {
        Arguments = $"\"{cli}\" {arguments}",
        EnvironmentVariables = new Dictionary<string, string>
        {
            // The demo's login is kept in .shop/demo, not in place of the user's own.
            ["XDG_CONFIG_HOME"] = root.Combine(".shop/demo").FullPath,
            ["SHOP_USERS_URL"] = mesh.Address(MeshTopology.Users).AbsoluteUri,
            ["SHOP_ORDERS_URL"] = mesh.Address(MeshTopology.Orders).AbsoluteUri,
            ["SHOP_NOTIFICATIONS_URL"] = mesh.Address(MeshTopology.Notifications).AbsoluteUri,
        },
    }, $"shop {arguments} failed");
}

/// <summary>The seed scenario through the client, with an orders outage in the middle.</summary>
void Demo(MeshProcesses mesh)
{
    var ready = $"health --wait {readinessCeiling.TotalSeconds:0}";
    ShopCli(mesh, ready);
    ShopCli(mesh, "demo --phase flow");
    CheckWebApp();
    Information("Stopping the orders service...");
    mesh.Kill(MeshTopology.Orders);
    ShopCli(mesh, "demo --phase outage");
    Information("Restarting the orders service...");
    mesh.Start(MeshTopology.Orders).WaitUntilListeningAsync(readinessCeiling).GetAwaiter().GetResult();
    ShopCli(mesh, ready);
    ShopCli(mesh, "demo --phase recovery");
}

/// <summary>
/// The benchmark program starts and stops the services itself (own ports and databases), so it can read their memory.
/// </summary>
void Bench()
{
    var bench = root.CombineWithFilePath($"tests/Shop.Benchmarks/bin/{configuration}/net10.0/Shop.Benchmarks.dll");
    Execute("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().AppendQuoted(bench.FullPath)
            .Append("--root").AppendQuoted(root.FullPath).Append("--configuration").Append(configuration)
            .Append("--port-base").Append(MeshTopology.BenchPortBase(portBase).ToString()),
        EnvironmentVariables = MeshEnvironment(),
    }, "The benchmark run failed or had errors (see above and .shop/bench/latest.md)");
}
