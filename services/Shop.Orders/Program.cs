using Shop.Orders.Grpc;
using Shop.ServiceDefaults;

namespace Shop.Orders;

public sealed class Program
{
    public static int Main(string[] args)
    {
        if (HealthProbe.RunIfRequested(args) is { } probed) return probed;

        var builder = ServiceBuilder.Create(args);
        builder.AddServiceDefaults("Orders", typeof(Program).Assembly);
        builder.AddOrderServices();

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcService<ProductGrpcService>();
        app.MapGrpcService<OrderGrpcService>();
        app.Run();
        return 0;
    }
}
