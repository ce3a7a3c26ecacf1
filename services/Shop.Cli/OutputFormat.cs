using System.CommandLine;
using Google.Protobuf;

namespace Shop.Cli;

/// <summary>
/// <c>-o table</c> (the default) for people; <c>-o json</c> for scripts: the response as proto3 JSON,
/// one document and nothing else on stdout, every field present (zero values too) so that a filter such
/// as <c>jq .order.status</c> never meets a missing field.
/// </summary>
internal static class OutputFormat
{
    public const string Table = "table";
    public const string Json = "json";

    public static readonly Option<string> Option = Create();

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    public static bool IsJson(ParseResult parse) => parse.GetValue(Option) == Json;

    public static void WriteJson(IMessage response) => Console.Out.WriteLine(Formatter.Format(response));

    private static Option<string> Create()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "table (for people) or json (the response as proto3 JSON, alone on stdout)",
            Recursive = true,
            DefaultValueFactory = _ => Table,
        };
        option.AcceptOnlyFromAmong(Table, Json);
        return option;
    }
}
