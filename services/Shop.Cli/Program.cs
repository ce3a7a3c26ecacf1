using System.CommandLine;
using Shop.Cli;
using Shop.Cli.Commands;

var root = new RootCommand("Shop mesh client: users, products, orders and notifications over gRPC.")
{
    MeshConnection.UsersOption,
    MeshConnection.OrdersOption,
    MeshConnection.NotificationsOption,
    UserCommands.Create(),
    ProductCommands.Create(),
    OrderCommands.Create(),
    NotificationCommands.Create(),
    HealthCommand.Create(),
    DemoCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
