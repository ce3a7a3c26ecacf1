using Grpc.Net.ClientFactory;
using Shop.Orders.Data;
using Shop.Orders.Orders;
using Shop.Orders.Users;
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
    }

    /// <summary>The users service client: address from <c>Services:Users</c>, deadline and cancellation propagated from the incoming call.</summary>
    private static void AddUserDirectory(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<UserDirectoryOptions>().Bind(builder.Configuration.GetSection(UserDirectoryOptions.Section));
        builder.Services
            .AddGrpcClient<UserService.UserServiceClient>((services, client) =>
            {
                var address = services.GetRequiredService<IConfiguration>()[UserDirectoryOptions.AddressKey];
                client.Address = Uri.TryCreate(address, UriKind.Absolute, out var uri)
                    ? uri
                    : throw new InvalidOperationException(
                        $"'{UserDirectoryOptions.AddressKey}' must be the users service's address, e.g. http://127.0.0.1:5101 " +
                        "(environment: Services__Users); ./build.sh --target=Run sets it.");
            })
            // Outside a gRPC call (a background job, a contract test) there is nothing to propagate.
            .EnableCallContextPropagation(options => options.SuppressContextNotFoundErrors = true);
        builder.Services.AddScoped<UserDirectory>();
    }
}
