namespace Shop.Build.Mesh;

/// <summary>
/// The services of <see cref="MeshTopology"/> (and the web app, when asked) as real processes on loopback, wired to each other and to
/// their databases as the topology says; any of them can be killed and started again on its port.
/// Run and Demo start the mesh with this, and so do the process tests. Safe to stop from another thread
/// (a Ctrl-C or process-exit handler).
/// </summary>
public sealed class MeshProcesses : IDisposable
{
    private readonly MeshOptions options;
    private readonly Dictionary<MeshService, ServiceProcess> running = [];

    private MeshProcesses(MeshOptions options) => this.options = options;

    public IReadOnlyList<ServiceProcess> Running
    {
        get { lock (running) return [.. running.Values]; }
    }

    /// <summary>Starts every service of <see cref="MeshOptions.Services"/> (they wait for each other's calls, not for each other to start).</summary>
    public static MeshProcesses Start(MeshOptions options)
    {
        var mesh = new MeshProcesses(options);
        try
        {
            foreach (var service in options.Services) mesh.Start(service);
            return mesh;
        }
        catch
        {
            mesh.Dispose();
            throw;
        }
    }

    public Uri Address(MeshService service) => options.Address(service);

    public ServiceProcess Process(MeshService service)
    {
        lock (running) return running[service];
    }

    /// <summary>Starts <paramref name="service"/> on its port (again, after <see cref="Kill"/>).</summary>
    public ServiceProcess Start(MeshService service)
    {
        var log = options.LogDirectory is null ? null : Path.Combine(options.LogDirectory, $"{service.Name}{options.LogSuffix}.log");
        lock (running)
        {
            return running[service] = ServiceProcess.Start(service.Name, service.Dll(options.Root, options.Configuration), options.Port(service),
                options.EnvironmentFor(service), log, [.. options.Arguments]);
        }
    }

    /// <summary>Kills the service's process, as a crash would.</summary>
    public void Kill(MeshService service)
    {
        ServiceProcess? process;
        lock (running) running.Remove(service, out process);
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
        List<MeshService> services;
        lock (running) services = [.. running.Keys];
        foreach (var service in services) Kill(service);
    }
}
