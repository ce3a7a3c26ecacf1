using Grpc.Core;
using Grpc.Net.ClientFactory;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.ServiceDefaults.Neighbours;
using Shop.Users.V1;
using Shop.Web.Session;

namespace Shop.Web.Mesh;

/// <summary>
/// The generated clients of the mesh through the gRPC client factory: addresses from <c>Services:*</c>,
/// a deadline on every call, and the signed-in user's access token as <c>authorization: Bearer</c>.
/// </summary>
internal static class MeshClientRegistration
{
    public static void AddMeshClients(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CallDeadlineInterceptor>();
        builder.Services.AddMeshClient<AuthService.AuthServiceClient>("Users", "users", 5101);
        builder.Services.AddMeshClient<UserService.UserServiceClient>("Users", "users", 5101);
        builder.Services.AddMeshClient<ProductService.ProductServiceClient>("Orders", "orders", 5102);
        builder.Services.AddMeshClient<OrderService.OrderServiceClient>("Orders", "orders", 5102);
        builder.Services.AddMeshClient<NotificationService.NotificationServiceClient>("Notifications", "notifications", 5103);
    }

    private static void AddMeshClient<TClient>(this IServiceCollection services, string service, string name, int port)
        where TClient : ClientBase
    {
        services
            .AddGrpcClient<TClient>()
            .AtNeighbour(name, $"Services:{service}", port)
            .AddInterceptor<CallDeadlineInterceptor>()
            // The provider is the one the client was resolved from: the page's or circuit's, which knows the user.
            .AddCallCredentials(async (_, metadata, provider) =>
            {
                if (await provider.GetRequiredService<SignedInUser>().AccessTokenAsync() is { } token)
                {
                    metadata.Add("authorization", $"Bearer {token}");
                }
            })
            // The mesh speaks h2c inside the host's network; the token still goes only to our own services.
            .ConfigureChannel(channel => channel.UnsafeUseInsecureChannelCallCredentials = true);
    }
}
