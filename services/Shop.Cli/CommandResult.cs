using Google.Protobuf;

namespace Shop.Cli;

/// <summary>
/// What a command answered: the response itself (printed as proto3 JSON with <c>-o json</c>) and how a
/// person sees it. <paramref name="CreatedId"/> is the id of what the command created, printed alone on
/// the last line so that it can be selected or taken with <c>tail -n 1</c>.
/// </summary>
internal sealed record CommandResult(IMessage Response, Action ShowTable, string? CreatedId = null);
