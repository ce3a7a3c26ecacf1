using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace Shop.Web.Mesh;

/// <summary>Gives every call that sets no deadline of its own the configured one, so no page waits forever on a service.</summary>
internal sealed class CallDeadlineInterceptor(IOptions<WebOptions> options) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (context.Options.Deadline is null)
        {
            context = new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host,
                context.Options.WithDeadline(DateTime.UtcNow + options.Value.CallDeadline));
        }
        return continuation(request, context);
    }
}
