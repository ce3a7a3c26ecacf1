using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.Mesh.Tests;

/// <summary>
/// An interceptor in the in-process notifications host that, on request, refuses the deliveries of one
/// order's or user's events with FAILED_PRECONDITION, as a notifications service that rejects an event would.
/// </summary>
public sealed class NotificationsGate : Interceptor
{
    private readonly ConcurrentDictionary<string, bool> rejected = new();

    public static NotificationsGate AddTo(IServiceCollection services)
    {
        var gate = new NotificationsGate();
        services.AddSingleton(gate);
        services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<NotificationsGate>());
        return gate;
    }

    /// <summary>Rejects every delivery of an event naming <paramref name="id"/> (an order or user id) until the result is disposed.</summary>
    public IDisposable Reject(string id)
    {
        rejected[id] = true;
        return new Reopen(() => rejected.TryRemove(id, out _));
    }

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        // The service's own message types are internal to it: the event is read from its JSON form.
        var json = context.Method.EndsWith("/DeliverOrderEvent", StringComparison.Ordinal) && request is IMessage message
            ? JsonFormatter.Default.Format(message)
            : "";
        if (rejected.Keys.FirstOrDefault(id => json.Contains(id, StringComparison.Ordinal)) is { } refused)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"events of {refused} are refused for this test"));
        }
        return continuation(request, context);
    }

    private sealed class Reopen(Action reopen) : IDisposable
    {
        public void Dispose() => reopen();
    }
}
