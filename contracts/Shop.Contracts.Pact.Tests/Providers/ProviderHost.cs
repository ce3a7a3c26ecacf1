using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shop.Contracts.Pact.Tests.Providers;

/// <summary>A real Grpc.AspNetCore provider on Kestrel (loopback, HTTP/2) and a channel to it.</summary>
public sealed class ProviderHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ProviderHost(WebApplication app, ProductStore store, GrpcChannel channel)
    {
        this.app = app;
        Store = store;
        Channel = channel;
    }

    public ProductStore Store { get; }

    public GrpcChannel Channel { get; }

    public static async Task<ProviderHost> StartAsync<TService>()
        where TService : class
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var store = new ProductStore();
        builder.Services.AddSingleton(store);

        var app = builder.Build();
        app.MapGrpcService<TService>();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ProviderHost(app, store, GrpcChannel.ForAddress(address));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
