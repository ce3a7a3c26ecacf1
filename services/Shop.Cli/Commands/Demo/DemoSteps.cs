using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Spectre.Console;

namespace Shop.Cli.Commands.Demo;

/// <summary>
/// Runs steps in order, records each outcome and time, and stops at the first that misbehaves: the steps so
/// far are still shown (a table, or with -o json <c>{"phase": ..., "steps": [{"step", "ok", "result", "ms"}]}</c>).
/// </summary>
internal sealed class DemoSteps(string phase)
{
    private readonly List<(string Name, bool Ok, string Outcome, long Milliseconds)> steps = [];

    public async Task<T> RunAsync<T>(string name, Func<Task<(T Value, string Outcome)>> step)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var (value, outcome) = await step();
            steps.Add((name, true, outcome, watch.ElapsedMilliseconds));
            return value;
        }
        catch (Exception e) when (e is DemoStepFailed or RpcException)
        {
            var detail = e is RpcException rpc ? $"{CommandAction.StatusName(rpc.StatusCode)}: {rpc.Status.Detail}" : e.Message;
            steps.Add((name, false, detail, watch.ElapsedMilliseconds));
            throw new CommandFailedException($"demo step '{name}' failed: {detail}", Result(), ExitCodes.Failure);
        }
    }

    public CommandResult Result()
    {
        var response = new Struct { Fields = { ["phase"] = Value.ForString(phase) } };
        response.Fields["steps"] = Value.ForList([.. steps.Select(s => Value.ForStruct(new Struct
        {
            Fields =
            {
                ["step"] = Value.ForString(s.Name), ["ok"] = Value.ForBool(s.Ok),
                ["result"] = Value.ForString(s.Outcome), ["ms"] = Value.ForNumber(s.Milliseconds),
            },
        }))]);
        return new CommandResult(response, () =>
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("step").AddColumn("result").AddColumn(new TableColumn("ms").RightAligned());
            foreach (var s in steps)
            {
                table.AddRow(Markup.Escape(s.Name), (s.Ok ? "[green]ok[/] " : "[red]failed[/] ") + Markup.Escape(s.Outcome), s.Milliseconds.ToString());
            }
            AnsiConsole.Write(table);
        });
    }
}
