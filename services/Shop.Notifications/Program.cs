using Shop.Notifications.Grpc;
using Shop.ServiceDefaults;

namespace Shop.Notifications;

public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults("Notifications", typeof(Program).Assembly);
        builder.AddNotificationServices();

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcService<NotificationGrpcService>();
        app.Run();
    }
}
