using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shop.Testing.Auth;

namespace Shop.Testing;

/// <summary>
/// One real service hosted in the test process (its own Program, configuration and DI), reached
/// through a <see cref="GrpcChannel"/> over the test server's handler, as production clients reach it.
/// It holds the mesh's test keys (<see cref="TestKeys"/>) unless <c>settings</c> say otherwise, so that
/// <see cref="TestTokens"/> act as any user or service against it.
/// </summary>
/// <typeparam name="TEntryPoint">The service's <c>Program</c>.</typeparam>
public sealed class GrpcServiceHost<TEntryPoint>(
    IReadOnlyDictionary<string, string?> settings,
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private GrpcChannel? channel;

    /// <summary>
    /// Where the host logs: the running test class's <see cref="ServerLog"/> when it was made, so its
    /// server errors fail the test that caused them; a log of its own outside a test.
    /// </summary>
    public ServerLog Log { get; } = ServerLog.Current ?? new ServerLog();

    public GrpcChannel Channel => channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
    {
        HttpHandler = Server.CreateHandler(),
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(TestKeys.Settings(Service)).AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(Log));
        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }

    /// <summary>The service's name in the mesh, from its namespace: Shop.Users → users.</summary>
    private static string Service => typeof(TEntryPoint).Namespace!.Split('.')[^1].ToLowerInvariant();

    public override async ValueTask DisposeAsync()
    {
        channel?.Dispose();
        await base.DisposeAsync();
    }
}
