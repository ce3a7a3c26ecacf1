using Grpc.Net.Client;
using Shop.Benchmarks.V1;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Users.V1;

namespace Shop.Benchmarks.Load;

/// <summary>
/// Several channels per server, each its own HTTP/2 connection; worker i uses channel i % count, so
/// calls spread over connections the way many clients' would, and one connection's flow control or
/// frame processing is not the bottleneck.
/// </summary>
internal sealed class MeshClients(Uri users, Uri orders, Uri notifications, Uri echo, int channelsPerServer) : IDisposable
{
    private readonly GrpcChannel[] userChannels = Open(users, channelsPerServer);
    private readonly GrpcChannel[] orderChannels = Open(orders, channelsPerServer);
    private readonly GrpcChannel[] notificationChannels = Open(notifications, channelsPerServer);
    private readonly GrpcChannel[] echoChannels = Open(echo, channelsPerServer);

    public int ChannelsPerServer => channelsPerServer;

    public Uri UsersAddress => users;

    public Uri OrdersAddress => orders;

    public Uri NotificationsAddress => notifications;

    public Uri EchoAddress => echo;

    public UserService.UserServiceClient Users(int worker) => new(userChannels[worker % userChannels.Length]);

    public OrderService.OrderServiceClient Orders(int worker) => new(orderChannels[worker % orderChannels.Length]);

    public NotificationService.NotificationServiceClient Notifications(int worker) => new(notificationChannels[worker % notificationChannels.Length]);

    public EchoService.EchoServiceClient Echo(int worker) => new(echoChannels[worker % echoChannels.Length]);

    public void Dispose()
    {
        foreach (var channel in userChannels.Concat(orderChannels).Concat(notificationChannels).Concat(echoChannels))
        {
            channel.Dispose();
        }
    }

    private static GrpcChannel[] Open(Uri address, int count) => Enumerable.Range(0, count)
        .Select(_ => GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            },
        }))
        .ToArray();
}
