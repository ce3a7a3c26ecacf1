using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Telemetry;
using Shop.Orders.V1;
using Shop.ServiceDefaults.Auth;
using Shop.ServiceDefaults.Neighbours;
using Shop.Users.Auth;
using Shop.Users.Data;
using Shop.Users.Orders;

namespace Shop.Users;

internal static class UserServicesExtensions
{
    public static void AddUserServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UserRepository>();
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section));
        builder.Services.AddTokenSigning();
        builder.Services.AddSingleton<AccessTokens>();
        builder.Services.AddSingleton<LoginThrottle>();
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
        // Checked when the host starts, so that a misconfigured users service stops there with these
        // messages rather than failing (at best) every call that needs orders.
        builder.Services.AddOptions<OrderHistoryOptions>()
            .Bind(builder.Configuration.GetSection(OrderHistoryOptions.Section))
            .Validate(o => o.Deadline > TimeSpan.Zero, "OrderHistory:Deadline must be positive, e.g. 00:00:02.")
            .Validate(o => o.MaxAttempts is >= 1 and <= 5, "OrderHistory:MaxAttempts must be 1 to 5: gRPC retries at most 5 attempts, and 1 turns retries off.")
            .Validate(o => o.BreakerMinimumThroughput >= 2, "OrderHistory:BreakerMinimumThroughput must be at least 2: the circuit breaker judges a ratio of calls.")
            .Validate(o => o.BreakerFailureRatio is > 0 and <= 1, "OrderHistory:BreakerFailureRatio must be above 0 and at most 1, e.g. 0.5.")
            .Validate(o => OrderHistoryOptions.IsBreakerDuration(o.BreakerSamplingDuration),
                "OrderHistory:BreakerSamplingDuration must be from 0.5 seconds to 1 day (the circuit breaker's bounds), e.g. 00:00:30.")
            .Validate(o => OrderHistoryOptions.IsBreakerDuration(o.BreakDuration),
                "OrderHistory:BreakDuration must be from 0.5 seconds to 1 day (the circuit breaker's bounds), e.g. 00:00:05.")
            .ValidateOnStart();
        // OrderHistory reads the incoming call's deadline from it (call context propagation needs it too).
        builder.Services.AddHttpContextAccessor();
        builder.Services
            .AddGrpcClient<OrderService.OrderServiceClient>(OrderHistory.ClientName)
            .AtNeighbour("orders", OrderHistoryOptions.AddressKey, 5102)
            .ConfigureChannel((services, channel) =>
                RetryListOrders(channel.ServiceConfig ??= new ServiceConfig(), services.GetRequiredService<IOptions<OrderHistoryOptions>>().Value.MaxAttempts))
            // Outside a gRPC call (a background job, a contract test) there is nothing to propagate.
            .EnableCallContextPropagation(options => options.SuppressContextNotFoundErrors = true)
            // Orders sees users' service token and the end user's, whose orders it may then list.
            .AddMeshCredentials("orders", forwardUser: true);
        // The breaker opening and closing is what it is for during an orders outage: one line each (OnOpened and
        // OnClosed below), not Polly's own events, which log the last failure's stack trace (opened, as an error) or
        // the whole last response (closed: a page of up to 1,000 orders).
        builder.Services.Configure<TelemetryOptions>(telemetry => telemetry.SeverityProvider = args =>
            args.Event.EventName is "OnCircuitOpened" or "OnCircuitClosed" ? ResilienceEventSeverity.None : args.Event.Severity);
        builder.Services.AddResiliencePipeline(OrderHistory.PipelineName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<OrderHistoryOptions>>().Value;
            var logger = context.ServiceProvider.GetRequiredService<ILogger<OrderHistory>>();
            pipeline.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(OrderHistory.CountsAgainstOrders(args.Outcome, args.Context)),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
                OnOpened = args =>
                {
                    logger.LogWarning("Orders circuit breaker opened for {BreakDuration} after {Failure}: calls fail at once until then",
                        args.BreakDuration, args.Outcome.Exception is RpcException rpc ? rpc.StatusCode.ToString() : args.Outcome.Exception?.GetType().Name);
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Orders circuit breaker closed: orders answers again");
                    return default;
                },
            });
        });
        builder.Services.AddScoped<OrderHistory>();
    }

    /// <summary>
    /// ListOrders is a read, so the channel may repeat it while orders answers UNAVAILABLE (a refused connection
    /// included); with several orders replicas, the next attempt goes to the next one.
    /// </summary>
    private static void RetryListOrders(ServiceConfig channel, int maxAttempts)
    {
        if (maxAttempts < 2) return;
        channel.MethodConfigs.Add(new MethodConfig
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
        });
    }
}
