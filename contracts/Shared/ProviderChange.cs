using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.Contracts.Testing;

/// <summary>
/// A deliberate change to a real provider, for proving that its contracts can fail: a server
/// interceptor in the real host that, while a change is applied, may rewrite what the real service
/// answers, and a middleware before authentication that may rewrite what callers send. With no change
/// applied the host is the unmodified service.
/// </summary>
internal sealed class ProviderChange : Interceptor
{
    private volatile Change? current;
    private volatile Action<IHeaderDictionary>? requestChange;

    /// <summary>Rewrites one call: <paramref name="callService"/> runs the real service (which may throw the <see cref="RpcException"/> its client would see).</summary>
    public delegate Task<object> Change(string method, object request, Func<Task<object>> callService);

    /// <summary>
    /// Adds the interceptor to a host's gRPC services (use in <c>GrpcServiceHost</c>'s service configuration),
    /// outermost, so a change sees and rewrites what the service answers on the wire: statuses, after the
    /// service's own error mapping has turned its domain exceptions into them.
    /// </summary>
    public static ProviderChange AddTo(IServiceCollection services)
    {
        var change = new ProviderChange();
        services.AddSingleton(change);
        services.AddSingleton<IStartupFilter>(new RequestChangeStartup(change));
        services.Configure<GrpcServiceOptions>(options =>
        {
            options.Interceptors.Add<ProviderChange>();
            var registration = options.Interceptors[^1];
            options.Interceptors.RemoveAt(options.Interceptors.Count - 1);
            options.Interceptors.Insert(0, registration);
        });
        return change;
    }

    /// <summary>Applies <paramref name="change"/> until the result is disposed.</summary>
    public IDisposable Apply(Change change)
    {
        current = change;
        return new Reverter(this);
    }

    /// <summary>
    /// Rewrites the headers of every incoming call, before authentication sees them, until the result is
    /// disposed: e.g. a provider that lets callers without credentials in as someone they are not.
    /// </summary>
    public IDisposable ApplyToRequests(Action<IHeaderDictionary> change)
    {
        requestChange = change;
        return new Reverter(this);
    }

    /// <summary>Applies the request change, if any, to <paramref name="headers"/>.</summary>
    public void Rewrite(IHeaderDictionary headers) => requestChange?.Invoke(headers);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var change = current;
        if (change is null)
        {
            return await continuation(request, context);
        }

        return (TResponse)await change(context.Method, request, async () => (await continuation(request, context))!);
    }

    private sealed class Reverter(ProviderChange owner) : IDisposable
    {
        public void Dispose()
        {
            owner.current = null;
            owner.requestChange = null;
        }
    }
}
