using System.CommandLine;
using Grpc.Core;
using Grpc.Health.V1;
using Spectre.Console;

namespace Shop.Cli.Commands;

internal static class HealthCommand
{
    public static Command Create()
    {
        var wait = new Option<int>("--wait") { Description = "seconds to wait until every service is SERVING", DefaultValueFactory = _ => 0 };
        var health = new Command("health", "grpc.health.v1 status of every service") { wait };
        health.Handle(async (parse, mesh, ct) =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(parse.GetValue(wait));
            while (true)
            {
                var statuses = await Task.WhenAll(mesh.HealthClients.Select(async s => (s.Name, Status: await StatusAsync(s.Client, ct))));
                if (statuses.All(s => s.Status == "SERVING") || DateTime.UtcNow >= deadline)
                {
                    var table = new Table().Border(TableBorder.Rounded).AddColumn("service").AddColumn("status");
                    foreach (var (name, status) in statuses) table.AddRow(name, status);
                    AnsiConsole.Write(table);
                    if (statuses.Any(s => s.Status != "SERVING"))
                    {
                        throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "not every service is SERVING"));
                    }
                    return;
                }
                await Task.Delay(250, ct);
            }
        });
        return health;
    }

    private static async Task<string> StatusAsync(Health.HealthClient client, CancellationToken ct)
    {
        try
        {
            var reply = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: ct);
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? "SERVING" : reply.Status.ToString().ToUpperInvariant();
        }
        catch (RpcException e)
        {
            return CommandAction.StatusName(e.StatusCode);
        }
    }
}
