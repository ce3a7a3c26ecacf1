using Shop.Orders.Grpc;
using Shop.ServiceDefaults;

namespace Shop.Orders;

public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults("Orders", typeof(Program).Assembly);
        builder.AddOrderServices();

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcService<ProductGrpcService>();
        app.MapGrpcService<OrderGrpcService>();
        app.Run();
    }
}
