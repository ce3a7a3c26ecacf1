using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Shop.ServiceDefaults.Grpc;

/// <summary>
/// Turns infrastructure failures into statuses a client can act on: an unreachable database is
/// UNAVAILABLE (retry later), a cancelled call CANCELLED. Services throw <see cref="RpcException"/>
/// for client mistakes themselves; anything else is a bug and stays INTERNAL, logged, with no detail leaked.
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
}
