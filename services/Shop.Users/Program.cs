using Shop.ServiceDefaults;
using Shop.Users.Grpc;

namespace Shop.Users;

public sealed class Program
{
    public static int Main(string[] args)
    {
        if (HealthProbe.RunIfRequested(args) is { } probed) return probed;

        var builder = ServiceBuilder.Create(args);
        builder.AddServiceDefaults("Users", typeof(Program).Assembly);
        builder.AddUserServices();

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcService<UserGrpcService>();
        app.MapGrpcService<AuthGrpcService>();
        app.Run();
        return 0;
    }
}
