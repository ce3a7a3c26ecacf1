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
/// </summary>
/// <remarks>
/// Registered first, so it is the outermost interceptor and sees what the others throw. An exception it
/// let through would reach grpc-dotnet, which answers UNKNOWN "Exception was thrown by handler.".
/// </remarks>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
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
                return new Status(StatusOf(domain), domain.Message);
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
        DependencyUnavailableException => StatusCode.Unavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType(), "A domain exception without a status"),
    };

    /// <summary>Short enough to read out, unique enough to find the one log line.</summary>
    private static string NewErrorId() => Guid.NewGuid().ToString("N")[..12];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable during {Method}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error {ErrorId} in {Method}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string errorId, string method);
}
