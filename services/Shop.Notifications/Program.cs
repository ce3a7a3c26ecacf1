using Shop.Notifications.Grpc;
using Shop.ServiceDefaults;

namespace Shop.Notifications;

public sealed class Program
{
    public static int Main(string[] args)
    {
        if (HealthProbe.RunIfRequested(args) is { } probed) return probed;

        var builder = ServiceBuilder.Create(args);
        builder.AddServiceDefaults("Notifications", typeof(Program).Assembly);
        builder.AddNotificationServices();

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcService<NotificationGrpcService>();
        app.Run();
        return 0;
    }
}
