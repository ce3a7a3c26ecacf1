using System.CommandLine;
using Grpc.Core;

namespace Shop.Cli;

/// <summary>
/// Runs a command against the mesh and shows what it answered, as a table or as JSON (<see cref="OutputFormat"/>);
/// failures become one line on stderr and an exit code from <see cref="ExitCodes"/>.
/// </summary>
internal static class CommandAction
{
    public static void Handle(this Command command, Func<ParseResult, MeshConnection, CancellationToken, Task<CommandResult>> action) =>
        command.SetAction(async (parse, ct) =>
        {
            using var mesh = new MeshConnection(parse);
            try
            {
                Show(parse, await action(parse, mesh, ct));
                return ExitCodes.Success;
            }
            catch (RpcException e)
            {
                // e.g. "error: NOT_FOUND: user 0b5c... not found"
                return Fail($"{StatusName(e.StatusCode)}: {e.Status.Detail}", ExitCodes.For(e.StatusCode));
            }
            catch (CommandFailedException e)
            {
                Show(parse, e.Found);
                return Fail(e.Message, e.ExitCode);
            }
            catch (FormatException e)
            {
                return Fail(e.Message, ExitCodes.Usage);
            }
            catch (SignInRequiredException e)
            {
                return Fail(e.Message, ExitCodes.NotAllowed);
            }
        });

    /// <summary>The canonical gRPC name of a status (NOT_FOUND rather than NotFound) or of a health status (NOT_SERVING).</summary>
    public static string StatusName(Enum code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    private static void Show(ParseResult parse, CommandResult result)
    {
        if (OutputFormat.IsJson(parse))
        {
            OutputFormat.WriteJson(result.Response);
            return;
        }
        result.ShowTable();
        if (result.CreatedId is { } id) Console.Out.WriteLine(id);
    }

    private static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine($"error: {message}");
        return exitCode;
    }
}
