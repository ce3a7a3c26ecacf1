using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.ServiceDefaults.Auth;
using Shop.Testing.Auth;

namespace Shop.Contracts.Testing;

/// <summary>
/// A consumer service's gRPC clients as the service registers them (client factory, deadlines, retries,
/// its mesh credentials) with their addresses pointed at a mock provider. Nothing else of the service
/// runs: no server, no database. Its calls carry its own service token, signed with its test key, and,
/// after <see cref="ServeUser"/>, the end user's token, as while the service serves that user's call.
/// </summary>
internal sealed class ConsumerHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly AsyncServiceScope scope;

    private ConsumerHost(WebApplication app)
    {
        this.app = app;
        scope = app.Services.CreateAsyncScope();
    }

    /// <param name="service">The consumer's name in the mesh (<c>orders</c>), whose key signs its service tokens.</param>
    /// <param name="settings">Its clients' settings: the mock's address, generous deadlines.</param>
    /// <param name="register">The service's own registration of its clients (e.g. <c>AddUserServices</c>).</param>
    public static ConsumerHost For(string service, IDictionary<string, string?> settings, Action<WebApplicationBuilder> register)
    {
        // Production: the service's other registrations (repositories, hosted services) are never resolved
        // or started here, so the container must not validate them all up front as Development would.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(TestKeys.Settings(service));
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        register(builder);
        // Which service signs the clients' service tokens, and with which key; the rest of ServiceDefaults is not needed here.
        builder.Services.AddSingleton(new MeshService(service));
        builder.Services.AddOptions<TokenKeyOptions>().Bind(builder.Configuration.GetSection(TokenKeyOptions.Section));
        return new ConsumerHost(builder.Build());
    }

    /// <summary>The service's own <typeparamref name="T"/> (a client class), as a call to the service would get it.</summary>
    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>
    /// From here on (in the calling flow), calls act for the end user whose access token this is, as while
    /// the service serves that user's call: clients that forward the user's token send it.
    /// </summary>
    public void ServeUser(string userToken)
    {
        var call = new DefaultHttpContext();
        call.Request.Headers.Authorization = "Bearer " + userToken;
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = call;
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }
}
