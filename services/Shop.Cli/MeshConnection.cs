using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;

namespace Shop.Cli;

/// <summary>
/// Channels to the three services, from --users/--orders/--notifications, else SHOP_USERS_URL etc.,
/// else the addresses ./build.sh --target=Run uses. Every call carries the saved login token.
/// </summary>
internal sealed class MeshConnection : IDisposable
{
    public static readonly Option<string> UsersOption = AddressOption("users", "SHOP_USERS_URL", 5101);
    public static readonly Option<string> OrdersOption = AddressOption("orders", "SHOP_ORDERS_URL", 5102);
    public static readonly Option<string> NotificationsOption = AddressOption("notifications", "SHOP_NOTIFICATIONS_URL", 5103);

    private readonly GrpcChannel users;
    private readonly GrpcChannel orders;
    private readonly GrpcChannel notifications;

    public MeshConnection(ParseResult parse)
    {
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            if (TokenStore.Load() is { } token) metadata.Add("authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
        GrpcChannel Open(Option<string> option) => GrpcChannel.ForAddress(parse.GetValue(option)!, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        users = Open(UsersOption);
        orders = Open(OrdersOption);
        notifications = Open(NotificationsOption);
    }

    public Shop.Users.V1.UserService.UserServiceClient Users => new(users);
    public Shop.Users.V1.AuthService.AuthServiceClient Auth => new(users);
    public Shop.Orders.V1.ProductService.ProductServiceClient Products => new(orders);
    public Shop.Orders.V1.OrderService.OrderServiceClient Orders => new(orders);
    public Shop.Notifications.V1.NotificationService.NotificationServiceClient Notifications => new(notifications);

    public IEnumerable<(string Name, Grpc.Health.V1.Health.HealthClient Client)> HealthClients =>
    [
        ("users", new(users)),
        ("orders", new(orders)),
        ("notifications", new(notifications)),
    ];

    public void Dispose()
    {
        users.Dispose();
        orders.Dispose();
        notifications.Dispose();
    }

    private static Option<string> AddressOption(string service, string variable, int port) => new($"--{service}")
    {
        Description = $"The {service} service address (environment: {variable})",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(variable) ?? $"http://127.0.0.1:{port}",
    };
}
