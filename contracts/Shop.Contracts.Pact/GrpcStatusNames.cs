using Grpc.Core;

namespace Shop.Contracts.Pact;

/// <summary>The canonical gRPC status names (<c>NOT_FOUND</c>) recorded in <c>grpc-status</c> metadata.</summary>
public static class GrpcStatusNames
{
    private static readonly IReadOnlyDictionary<StatusCode, string> Names = new Dictionary<StatusCode, string>
    {
        [StatusCode.OK] = "OK",
        [StatusCode.Cancelled] = "CANCELLED",
        [StatusCode.Unknown] = "UNKNOWN",
        [StatusCode.InvalidArgument] = "INVALID_ARGUMENT",
        [StatusCode.DeadlineExceeded] = "DEADLINE_EXCEEDED",
        [StatusCode.NotFound] = "NOT_FOUND",
        [StatusCode.AlreadyExists] = "ALREADY_EXISTS",
        [StatusCode.PermissionDenied] = "PERMISSION_DENIED",
        [StatusCode.ResourceExhausted] = "RESOURCE_EXHAUSTED",
        [StatusCode.FailedPrecondition] = "FAILED_PRECONDITION",
        [StatusCode.Aborted] = "ABORTED",
        [StatusCode.OutOfRange] = "OUT_OF_RANGE",
        [StatusCode.Unimplemented] = "UNIMPLEMENTED",
        [StatusCode.Internal] = "INTERNAL",
        [StatusCode.Unavailable] = "UNAVAILABLE",
        [StatusCode.DataLoss] = "DATA_LOSS",
        [StatusCode.Unauthenticated] = "UNAUTHENTICATED",
    };

    /// <summary>The canonical name of <paramref name="code"/>, e.g. <c>NOT_FOUND</c>.</summary>
    public static string Of(StatusCode code) =>
        Names.TryGetValue(code, out var name) ? name : ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
