using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Npgsql;
using Shop.ServiceDefaults.Errors;

namespace Shop.ServiceDefaults.Grpc;

/// <summary>
/// The one place where failures become gRPC statuses. Domain exceptions (<see cref="DomainException"/>)
/// map to the status that names their meaning; an unreachable database is UNAVAILABLE (retry later), a
/// cancelled call CANCELLED. Anything else is a bug: INTERNAL with a short error id that the log line
/// with the exception also carries, and nothing else of it (no SQL, paths or types) in the answer.
/// Every status message fits in <see cref="MaxMessageBytes"/>: these, and any <see cref="RpcException"/> a
/// service throws itself, so no client's header limit hides a status. (Domain messages are short already:
/// each value they echo is cut to 64 characters, see <see cref="StatusMessage"/>.)
/// </summary>
/// <remarks>
/// Registered first, so it is the outermost interceptor and sees what the others throw. An exception it
/// let through would reach grpc-dotnet, which answers UNKNOWN "Exception was thrown by handler.".
/// </remarks>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    /// <summary>The longest status message, in UTF-8 bytes before percent-encoding.</summary>
    public const int MaxMessageBytes = 1024;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException e) when (Encoding.UTF8.GetByteCount(e.Status.Detail) > MaxMessageBytes)
        {
            throw new RpcException(new Status(e.StatusCode, Bounded(e.Status.Detail)), e.Trailers);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw new RpcException(Map(e, context));
        }
    }

    private Status Map(Exception e, ServerCallContext context)
    {
        switch (e)
        {
            case DomainException domain:
                return new Status(StatusOf(domain), Bounded(domain.Message));
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new Status(StatusCode.Cancelled, "The call was cancelled or its deadline passed.");
            case NpgsqlException { IsTransient: true } or TimeoutException:
                LogDatabaseUnavailable(logger, e, context.Method);
                return new Status(StatusCode.Unavailable, "Database unavailable; retry later.");
            default:
                var errorId = NewErrorId();
                LogUnexpected(logger, e, errorId, context.Method);
                return new Status(StatusCode.Internal, $"Internal error; the service logged it as error {errorId}.");
        }
    }

    private static StatusCode StatusOf(DomainException e) => e switch
    {
        InvalidInputException => StatusCode.InvalidArgument,
        NotFoundException => StatusCode.NotFound,
        AlreadyExistsException => StatusCode.AlreadyExists,
        PreconditionFailedException => StatusCode.FailedPrecondition,
        NotAuthenticatedException => StatusCode.Unauthenticated,
        PermissionDeniedException => StatusCode.PermissionDenied,
        DependencyUnavailableException => StatusCode.Unavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType(), "A domain exception without a status"),
    };

    /// <summary>The message itself, or as much of it as fits in <see cref="MaxMessageBytes"/>, whole characters, then "…".</summary>
    private static string Bounded(string message)
    {
        if (Encoding.UTF8.GetByteCount(message) <= MaxMessageBytes) return message;
        const string ellipsis = "…";
        var budget = MaxMessageBytes - Encoding.UTF8.GetByteCount(ellipsis);
        var length = 0;
        var bytes = 0;
        while (length < message.Length)
        {
            var width = char.IsHighSurrogate(message[length]) && length + 1 < message.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(message.AsSpan(length, width));
            if (bytes + size > budget) break;
            bytes += size;
            length += width;
        }
        return string.Concat(message.AsSpan(0, length), ellipsis);
    }

    /// <summary>Short enough to read out, unique enough to find the one log line.</summary>
    private static string NewErrorId() => Guid.NewGuid().ToString("N")[..12];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable during {Method}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error {ErrorId} in {Method}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string errorId, string method);
}
