using Google.Rpc;
using Grpc.Core;

namespace Shop.Testing;

/// <summary>What a client that shows errors field by field reads: the google.rpc.BadRequest in the status details.</summary>
public static class FieldViolations
{
    /// <returns>The field paths of the error's BadRequest violations, in order; empty when it carries none.</returns>
    public static string[] Of(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToArray() ?? [];
}
