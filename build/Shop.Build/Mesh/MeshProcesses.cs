namespace Shop.Build.Mesh;

/// <summary>
/// The services of <see cref="MeshTopology"/> (and the web app, when asked) as real processes on loopback, wired to each other and to
/// their databases as the topology says, as many replicas of each as <see cref="MeshOptions.Replicas"/> asks
/// (those that scale out); any replica can be killed and started again on its port. Run and Demo start the
/// mesh with this, and so do the process tests. Safe to stop from another thread (a Ctrl-C or process-exit handler).
/// </summary>
public sealed class MeshProcesses : IDisposable
{
    private readonly MeshOptions options;
    private readonly Dictionary<(MeshService Service, int Replica), ServiceProcess> running = [];

    private MeshProcesses(MeshOptions options) => this.options = options;

    public IReadOnlyList<ServiceProcess> Running
    {
        get { lock (running) return [.. running.Values]; }
    }

    /// <summary>Starts every replica of every service of <see cref="MeshOptions.Services"/> (they wait for each other's calls, not for each other to start).</summary>
    public static MeshProcesses Start(MeshOptions options)
    {
        var mesh = new MeshProcesses(options);
        try
        {
            foreach (var service in options.Services)
            {
                for (var replica = 1; replica <= options.ReplicasOf(service); replica++) mesh.Start(service, replica);
            }
            return mesh;
        }
        catch
        {
            mesh.Dispose();
            throw;
        }
    }

    /// <summary>The first replica's address.</summary>
    public Uri Address(MeshService service) => options.Address(service);

    /// <summary>Every replica's address.</summary>
    public IReadOnlyList<Uri> Addresses(MeshService service) => options.Addresses(service);

    public ServiceProcess Process(MeshService service, int replica = 1)
    {
        lock (running) return running[(service, replica)];
    }

    /// <summary>Starts replica <paramref name="replica"/> of <paramref name="service"/> on its port (again, after <see cref="Kill"/>).</summary>
    public ServiceProcess Start(MeshService service, int replica = 1)
    {
        // The first replica keeps the service's own name (its log: orders.log); the others are orders-2 and so on.
        var name = replica == 1 ? service.Name : $"{service.Name}-{replica}";
        var log = options.LogDirectory is null ? null : Path.Combine(options.LogDirectory, $"{name}{options.LogSuffix}.log");
        lock (running)
        {
            return running[(service, replica)] = ServiceProcess.Start(name, service.Dll(options.Root, options.Configuration), options.PortOf(service, replica),
                options.EnvironmentFor(service), log, [.. options.Arguments]);
        }
    }

    /// <summary>Kills the replica's process, as a crash would.</summary>
    public void Kill(MeshService service, int replica = 1)
    {
        ServiceProcess? process;
        lock (running) running.Remove((service, replica), out process);
        process?.Dispose();
    }

    public async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        foreach (var process in Running) await process.WaitUntilListeningAsync(timeout);
    }

    /// <summary>Whether a service has stopped by itself (or was stopped from outside).</summary>
    public bool AnyExited => Running.Any(p => p.HasExited);

    public void Dispose()
    {
        List<(MeshService, int)> replicas;
        lock (running) replicas = [.. running.Keys];
        foreach (var (service, replica) in replicas) Kill(service, replica);
    }
}
