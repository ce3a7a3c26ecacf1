using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;

namespace Shop.ServiceDefaults.Auth;

/// <summary>
/// Adds this service's token for <paramref name="callee"/> to every call of a client, and, when
/// <paramref name="forwardUser"/>, the end user's access token of the call being served, so that the
/// callee sees both who asks (the service) and for whom (the user).
/// </summary>
internal sealed class MeshCredentialsInterceptor(ServiceTokens tokens, IHttpContextAccessor http, string callee, bool forwardUser) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        // A copy: a retried call reuses its options, and must not send a second token on each attempt.
        var headers = new Metadata();
        foreach (var entry in context.Options.Headers ?? []) headers.Add(entry);
        headers.Add(MeshIdentity.ServiceHeader, "Bearer " + tokens.For(callee));
        if (forwardUser && http.HttpContext?.Request.Headers.Authorization.ToString() is { Length: > 0 } user)
        {
            headers.Add("authorization", user);
        }
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
    }
}
