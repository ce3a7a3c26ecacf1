using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Npgsql;
using Shop.ServiceDefaults.Errors;

namespace Shop.ServiceDefaults.Grpc;

/// <summary>
/// The one place where failures become gRPC statuses. Domain exceptions (<see cref="DomainException"/>)
/// map to the status that names their meaning; an unreachable database is UNAVAILABLE (retry later), a
/// cancelled call CANCELLED. Anything else is a bug and stays INTERNAL, logged, with no detail leaked.
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (Map(e, context) is { } status)
        {
            throw new RpcException(status);
        }
    }

    private Status? Map(Exception e, ServerCallContext context)
    {
        switch (e)
        {
            case RpcException:
                return null;
            case DomainException domain:
                return new Status(StatusOf(domain), domain.Message);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new Status(StatusCode.Cancelled, "The call was cancelled or its deadline passed.");
            case NpgsqlException { IsTransient: true } or TimeoutException:
                logger.LogWarning(e, "Database unavailable during {Method}", context.Method);
                return new Status(StatusCode.Unavailable, "Database unavailable; retry later.");
            default:
                logger.LogError(e, "Unhandled error in {Method}", context.Method);
                return null;
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
}
