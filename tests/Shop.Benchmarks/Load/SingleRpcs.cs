using Google.Protobuf;
using Google.Protobuf.Reflection;
using Shop.Benchmarks.Data;
using Shop.Benchmarks.V1;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Users.V1;

namespace Shop.Benchmarks.Load;

/// <summary>The single RPCs h2load drives, each with its sample call through Grpc.Net.Client and, for a write, its count.</summary>
internal sealed class SingleRpcs(MeshClients mesh, Sessions sessions, BenchDatabases databases)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>A signed-in user reads their own account.</summary>
    public SingleRpc GetUser()
    {
        var (userId, authorization) = sessions.Repeated;
        var request = new GetUserRequest { UserId = userId };
        return new SingleRpc("GetUser", Target(mesh.UsersAddress, UserService.Descriptor, "GetUser"), request, Headers(authorization),
            async () => (await mesh.Users(0).GetUserAsync(request, Sessions.Headers(authorization), Soon())).CalculateSize());
    }

    /// <summary>A user reads the first page (20) of their notifications.</summary>
    public SingleRpc ListNotifications()
    {
        var (userId, authorization) = sessions.NotificationReader;
        var request = new ListNotificationsRequest { UserId = userId };
        return new SingleRpc("ListNotifications", Target(mesh.NotificationsAddress, NotificationService.Descriptor, "ListNotifications"), request, Headers(authorization),
            async () => (await mesh.Notifications(0).ListNotificationsAsync(request, Sessions.Headers(authorization), Soon())).CalculateSize());
    }

    /// <summary>A user orders one of a product (orders asks users about the user first); counted by the user's orders.</summary>
    public SingleRpc PlaceOrder(string productId)
    {
        var (userId, authorization) = sessions.Repeated;
        var request = new PlaceOrderRequest { UserId = userId, Items = { new PlaceOrderItem { ProductId = productId, Quantity = 1 } } };
        return new SingleRpc("PlaceOrder", Target(mesh.OrdersAddress, OrderService.Descriptor, "PlaceOrder"), request, Headers(authorization),
            async () => (await mesh.Orders(0).PlaceOrderAsync(request, Sessions.Headers(authorization), Soon())).CalculateSize(),
            () => databases.CountOrdersAsync(userId));
    }

    /// <summary>The bare server's echo of a payload as large as a GetUser response.</summary>
    public SingleRpc Echo(EchoRequest request) =>
        new("echo", Target(mesh.EchoAddress, EchoService.Descriptor, "Echo"), request, new Dictionary<string, string>(),
            async () => (await mesh.Echo(0).EchoAsync(request, deadline: Soon())).CalculateSize());

    private static Uri Target(Uri server, ServiceDescriptor service, string method) =>
        service.FindMethodByName(method) is not null ? new(server, $"/{service.FullName}/{method}") : throw new ArgumentException($"{service.FullName} has no {method}.", nameof(method));

    private static Dictionary<string, string> Headers(string authorization) => new() { ["authorization"] = authorization };

    private static DateTime Soon() => DateTime.UtcNow + Deadline;
}
