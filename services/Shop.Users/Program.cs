using Shop.ServiceDefaults;
using Shop.Users.Grpc;

namespace Shop.Users;

public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults("Users", typeof(Program).Assembly);
        builder.AddUserServices();

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcService<UserGrpcService>();
        app.MapGrpcService<AuthGrpcService>();
        app.Run();
    }
}
