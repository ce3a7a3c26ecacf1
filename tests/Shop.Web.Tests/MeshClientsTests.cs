using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Shop.Orders.V1;
using Shop.Web.Mesh;
using Shop.Web.Session;

namespace Shop.Web.Tests;

/// <summary>The web app's real client registrations: what each call to the mesh carries on the wire.</summary>
[TestClass]
public sealed class MeshClientsTests
{
    private readonly AccessTokenStore tokens = new(new MemoryCache(new MemoryCacheOptions()));
    private readonly RecordingHandler wire = new();

    [TestMethod]
    public async Task Calls_carry_the_signed_in_users_token_and_a_deadline()
    {
        var sessionId = tokens.Save("token-of-the-user", DateTimeOffset.UtcNow.AddHours(1));
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(SessionClaims.SessionId, sessionId)], "test"));

        await CallOrdersAsAsync(principal);

        Assert.AreEqual("Bearer token-of-the-user", wire.Authorization);
        Assert.IsNotNull(wire.Timeout, "no grpc-timeout: the call had no deadline");
        Assert.AreEqual(new Uri("http://orders.test/shop.orders.v1.OrderService/ListOrders"), wire.Uri);
    }

    [TestMethod]
    public async Task Calls_of_nobody_signed_in_carry_no_token()
    {
        await CallOrdersAsAsync(new ClaimsPrincipal(new ClaimsIdentity()));

        Assert.IsNull(wire.Authorization);
        Assert.IsNotNull(wire.Timeout, "no grpc-timeout: the call had no deadline");
    }

    /// <summary>One ListOrders through the app's own client registration, on behalf of <paramref name="user"/>.</summary>
    private async Task CallOrdersAsAsync(ClaimsPrincipal user)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Services:Users"] = "http://users.test";
        builder.Configuration["Services:Orders"] = "http://orders.test";
        builder.Configuration["Services:Notifications"] = "http://notifications.test";
        builder.Services.AddOptions<WebOptions>();
        builder.Services.AddSingleton(tokens);
        builder.Services.AddScoped<SignedInUser>();
        builder.Services.AddScoped<AuthenticationStateProvider>(_ => new FixedAuthentication(user));
        builder.AddMeshClients();
        builder.Services.ConfigureAll<HttpClientFactoryOptions>(options =>
            options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = wire));
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();

        var orders = scope.ServiceProvider.GetRequiredService<OrderService.OrderServiceClient>();
        await Assert.ThrowsExactlyAsync<RpcException>(async () => await orders.ListOrdersAsync(new ListOrdersRequest { UserId = "u" }));
    }

    private sealed class FixedAuthentication(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    /// <summary>The bottom of the client's pipeline: notes what went on the wire, then refuses like a closed port.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public string? Authorization { get; private set; }

        public string? Timeout { get; private set; }

        public Uri? Uri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.TryGetValues("authorization", out var auth) ? auth.Single() : null;
            Timeout = request.Headers.TryGetValues("grpc-timeout", out var timeout) ? timeout.Single() : null;
            Uri = request.RequestUri;
            throw new HttpRequestException("refused");
        }
    }
}
