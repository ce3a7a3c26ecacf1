using System.CommandLine;
using Grpc.Core;
using Spectre.Console;

namespace Shop.Cli;

/// <summary>Runs a command against the mesh and turns failures into one clear line and an exit code.</summary>
internal static class CommandAction
{
    public static void Handle(this Command command, Func<ParseResult, MeshConnection, CancellationToken, Task> action) =>
        command.SetAction(async (parse, ct) =>
        {
            using var mesh = new MeshConnection(parse);
            try
            {
                await action(parse, mesh, ct);
                return 0;
            }
            catch (RpcException e)
            {
                // e.g. "error: NOT_FOUND: user 0b5c... not found"
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {StatusName(e.StatusCode)}: {e.Status.Detail}");
                return 1;
            }
            catch (FormatException e)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return 2;
            }
        });

    /// <summary>The canonical gRPC name, NOT_FOUND rather than NotFound.</summary>
    public static string StatusName(StatusCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
