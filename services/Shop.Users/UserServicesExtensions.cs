using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Shop.Orders.V1;
using Shop.Users.Auth;
using Shop.Users.Data;
using Shop.Users.Orders;

namespace Shop.Users;

internal static class UserServicesExtensions
{
    public static void AddUserServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UserRepository>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section));
        builder.Services.AddSingleton<SigningKeySource>();
        builder.Services.AddSingleton<AccessTokens>();
        builder.Services.AddSingleton<IPasswordHasher<UserRecord>, PasswordHasher<UserRecord>>();
        builder.Services.AddOptions<PasswordHasherOptions>().Configure<IOptions<AuthOptions>>(
            (hasher, auth) => hasher.IterationCount = auth.Value.PasswordHashIterations);
        builder.Services.AddSingleton<Accounts>();
        builder.AddOrderHistory();
    }

    /// <summary>
    /// The orders service client: address from <c>Services:Orders</c>, deadline and cancellation propagated
    /// from the incoming call, ListOrders retried on UNAVAILABLE by the channel, and a circuit breaker
    /// around each call so that a down orders service costs callers nothing once it is known to be down.
    /// </summary>
    private static void AddOrderHistory(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrderHistoryOptions>().Bind(builder.Configuration.GetSection(OrderHistoryOptions.Section));
        builder.Services
            .AddGrpcClient<OrderService.OrderServiceClient>(OrderHistory.ClientName, (services, client) =>
            {
                var address = services.GetRequiredService<IConfiguration>()[OrderHistoryOptions.AddressKey];
                client.Address = Uri.TryCreate(address, UriKind.Absolute, out var uri)
                    ? uri
                    : throw new InvalidOperationException(
                        $"'{OrderHistoryOptions.AddressKey}' must be the orders service's address, e.g. http://127.0.0.1:5102 " +
                        "(environment: Services__Orders); appsettings.json sets that one.");
            })
            .ConfigureChannel((services, channel) =>
                channel.ServiceConfig = RetryListOrders(services.GetRequiredService<IOptions<OrderHistoryOptions>>().Value.MaxAttempts))
            // Outside a gRPC call (a background job, a contract test) there is nothing to propagate.
            .EnableCallContextPropagation(options => options.SuppressContextNotFoundErrors = true);
        builder.Services.AddResiliencePipeline(OrderHistory.PipelineName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<OrderHistoryOptions>>().Value;
            pipeline.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(OrderHistory.IsOutage),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
            });
        });
        builder.Services.AddScoped<OrderHistory>();
    }

    /// <summary>ListOrders is a read, so the channel may repeat it while orders answers UNAVAILABLE (a refused connection included).</summary>
    private static ServiceConfig? RetryListOrders(int maxAttempts) => maxAttempts < 2 ? null : new ServiceConfig
    {
        MethodConfigs =
        {
            new MethodConfig
            {
                Names = { new MethodName { Service = OrderService.Descriptor.FullName, Method = nameof(OrderService.OrderServiceClient.ListOrders) } },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = maxAttempts,
                    InitialBackoff = TimeSpan.FromMilliseconds(100),
                    MaxBackoff = TimeSpan.FromMilliseconds(400),
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            },
        },
    };
}
