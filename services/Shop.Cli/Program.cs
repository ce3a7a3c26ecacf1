using System.CommandLine;
using Shop.Cli;
using Shop.Cli.Commands;
using Shop.Cli.Commands.Demo;
using Spectre.Console;

// Tables fit the width the shell announces (COLUMNS), also when stdout is a pipe or a file.
if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0) AnsiConsole.Profile.Width = columns;

var root = new RootCommand("Shop mesh client: users, products, orders and notifications over gRPC.")
{
    MeshConnection.UsersOption,
    MeshConnection.OrdersOption,
    MeshConnection.NotificationsOption,
    OutputFormat.Option,
    UserCommands.Create(),
    ProductCommands.Create(),
    OrderCommands.Create(),
    NotificationCommands.Create(),
    HealthCommand.Create(),
    DemoCommand.Create(),
};
var parse = root.Parse(args);
var exitCode = await parse.InvokeAsync();
// System.CommandLine answers a malformed command line with help and 1; 2 keeps usage apart from failures.
return parse.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
