using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using Spectre.Console;

namespace Shop.Cli.Commands;

internal static class HealthCommand
{
    public const string Serving = "SERVING";

    public static Command Create()
    {
        var wait = new Option<int>("--wait") { Description = "at most this many seconds to wait until every service is SERVING", DefaultValueFactory = _ => 0 };
        var health = new Command("health", "grpc.health.v1 status of every service") { wait };
        health.Handle(async (parse, mesh, ct) =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(parse.GetValue(wait));
            while (true)
            {
                var statuses = await StatusesAsync(mesh, ct);
                if (statuses.All(s => s.Status == Serving) || DateTime.UtcNow >= deadline)
                {
                    var response = new Struct();
                    foreach (var (name, status) in statuses) response.Fields[name] = Value.ForString(status);
                    var result = new CommandResult(response, () =>
                    {
                        var table = new Table().Border(TableBorder.Rounded).AddColumn("service").AddColumn("status");
                        foreach (var (name, status) in statuses) table.AddRow(name, status);
                        AnsiConsole.Write(table);
                    });
                    return statuses.All(s => s.Status == Serving)
                        ? result
                        : throw new CommandFailedException("not every service is SERVING", result, ExitCodes.Unavailable);
                }
                await Task.Delay(250, ct);
            }
        });
        return health;
    }

    /// <summary>Each service's status: SERVING, NOT_SERVING, or the status of a check that failed (UNAVAILABLE when it is down).</summary>
    public static Task<(string Name, string Status)[]> StatusesAsync(MeshConnection mesh, CancellationToken ct) =>
        Task.WhenAll(mesh.HealthClients.Select(async s => (s.Name, Status: await StatusAsync(s.Client, ct))));

    private static async Task<string> StatusAsync(Health.HealthClient client, CancellationToken ct)
    {
        try
        {
            var reply = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: ct);
            return CommandAction.StatusName(reply.Status);
        }
        catch (RpcException e)
        {
            return CommandAction.StatusName(e.StatusCode);
        }
    }
}
