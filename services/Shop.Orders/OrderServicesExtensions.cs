using Grpc.Net.ClientFactory;
using Shop.Notifications.V1;
using Shop.Orders.Data;
using Shop.Orders.Orders;
using Shop.Orders.Outbox;
using Shop.Orders.Users;
using Shop.ServiceDefaults.Auth;
using Shop.ServiceDefaults.Neighbours;
using Shop.Users.V1;

namespace Shop.Orders;

internal static class OrderServicesExtensions
{
    public static void AddOrderServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProductRepository>();
        builder.Services.AddSingleton<OrderRepository>();
        builder.Services.AddSingleton<PaymentRepository>();
        builder.Services.AddSingleton<OrderEventRepository>();
        builder.Services.AddScoped<OrderWorkflow>();
        builder.AddUserDirectory();
        builder.AddOutboxDispatcher();
    }

    /// <summary>The users service client: address(es) from <c>Services:Users</c>, deadline and cancellation propagated from the incoming call.</summary>
    private static void AddUserDirectory(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<UserDirectoryOptions>().Bind(builder.Configuration.GetSection(UserDirectoryOptions.Section));
        builder.Services
            .AddGrpcClient<UserService.UserServiceClient>()
            .AtNeighbour("users", UserDirectoryOptions.AddressKey, 5101)
            // Outside a gRPC call (a background job, a contract test) there is nothing to propagate.
            .EnableCallContextPropagation(options => options.SuppressContextNotFoundErrors = true)
            // Users sees orders' service token and the token of the user placing the order.
            .AddMeshCredentials("users", forwardUser: true);
        builder.Services.AddScoped<UserDirectory>();
    }

    /// <summary>
    /// The dispatcher that delivers the outbox to the notifications service at <c>Services:Notifications</c>.
    /// Its calls are its own (no incoming call to propagate); it retries with backoff itself.
    /// </summary>
    private static void AddOutboxDispatcher(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddOptions<OutboxOptions>()
            .Bind(builder.Configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.IsUsable, "Outbox settings: BatchSize, MaxConcurrentDeliveries >= 1; PollInterval, InitialBackoff, BatchTimeBudget, RejectedRetryMax > 0; MaxBackoff >= InitialBackoff")
            .ValidateOnStart();
        builder.Services.AddOptions<NotificationPublisherOptions>().Bind(builder.Configuration.GetSection(NotificationPublisherOptions.Section));
        builder.Services.AddGrpcClient<NotificationService.NotificationServiceClient>()
            .AtNeighbour("notifications", NotificationPublisherOptions.AddressKey, 5103)
            // Deliveries run in the background, for no end user: orders' own token is the credential.
            .AddMeshCredentials("notifications", forwardUser: false);
        builder.Services.AddSingleton<NotificationPublisher>();
        // Always registered: whether it runs (Outbox:Enabled) is read from the final configuration, which
        // a test host may still change after this point.
        builder.Services.AddHostedService<OutboxDispatcher>();
    }
}
