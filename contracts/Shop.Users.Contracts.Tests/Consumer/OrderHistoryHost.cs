using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Users;
using Shop.Users.Orders;

namespace Shop.Users.Contracts.Tests.Consumer;

/// <summary>
/// Users' orders client as the users service registers it (<c>AddUserServices</c>: the "orders" gRPC
/// client from the client factory, its retry policy, the "orders" circuit breaker, the deadline), with
/// <c>Services:Orders</c> pointed at a mock orders service. Nothing else of users runs: no server, no database.
/// </summary>
internal sealed class OrderHistoryHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AsyncServiceScope _scope;

    private OrderHistoryHost(WebApplication app)
    {
        _app = app;
        _scope = app.Services.CreateAsyncScope();
        OrderHistory = _scope.ServiceProvider.GetRequiredService<OrderHistory>();
    }

    /// <summary>The users service's own <see cref="Shop.Users.Orders.OrderHistory"/>, as a gRPC call to users would get it.</summary>
    public OrderHistory OrderHistory { get; }

    public static OrderHistoryHost For(Uri ordersAddress)
    {
        // Production: users' other registrations (its repository, the signing key) are never resolved
        // here, so the container must not validate them all up front as Development would.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.Sources.Clear();
        // The client signs users' service token for orders with users' key.
        builder.Configuration.AddInMemoryCollection(Shop.Testing.Auth.TestKeys.Settings("users"));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [OrderHistoryOptions.AddressKey] = ordersAddress.ToString(),
            // The deadline is not part of the contract: a generous one keeps a busy test machine (every
            // test project at once) from failing the call. Retries and the breaker keep their defaults.
            [$"{OrderHistoryOptions.Section}:{nameof(OrderHistoryOptions.Deadline)}"] = "00:00:30",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddUserServices();
        // Which service signs the client's service token, and with which key; the rest of ServiceDefaults is not needed here.
        builder.Services.AddSingleton(new Shop.ServiceDefaults.Auth.MeshService("users"));
        builder.Services.AddOptions<Shop.ServiceDefaults.Auth.TokenKeyOptions>().Bind(builder.Configuration.GetSection(Shop.ServiceDefaults.Auth.TokenKeyOptions.Section));
        return new OrderHistoryHost(builder.Build());
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _app.DisposeAsync();
    }
}
