using Grpc.Core;

namespace Shop.Cli;

/// <summary>
/// One exit code per class of failure, so that a script can tell "fix the input" from "try again later"
/// (the table is in the README, "Command-line client").
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The service failed (INTERNAL, UNKNOWN, DATA_LOSS, UNIMPLEMENTED, CANCELLED) or a demo or health check did not behave.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: unknown command or option, a missing argument, an amount or item that does not parse.</summary>
    public const int Usage = 2;

    /// <summary>The service refused the input: INVALID_ARGUMENT, OUT_OF_RANGE.</summary>
    public const int InvalidInput = 3;

    /// <summary>NOT_FOUND.</summary>
    public const int NotFound = 4;

    /// <summary>The request conflicts with the current state: ALREADY_EXISTS, FAILED_PRECONDITION, ABORTED.</summary>
    public const int Conflict = 5;

    /// <summary>Not signed in or not allowed: UNAUTHENTICATED, PERMISSION_DENIED, or no stored login where one is needed.</summary>
    public const int NotAllowed = 6;

    /// <summary>Try again later: UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED.</summary>
    public const int Unavailable = 7;

    public static int For(StatusCode code) => code switch
    {
        StatusCode.OK => Success,
        StatusCode.InvalidArgument or StatusCode.OutOfRange => InvalidInput,
        StatusCode.NotFound => NotFound,
        StatusCode.AlreadyExists or StatusCode.FailedPrecondition or StatusCode.Aborted => Conflict,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => NotAllowed,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted => Unavailable,
        _ => Failure,
    };
}
