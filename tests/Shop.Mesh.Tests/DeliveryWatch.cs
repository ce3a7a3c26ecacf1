using System.Text.Json;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.Mesh.Tests;

/// <summary>
/// An interceptor in the in-process notifications host that watches the outbox's deliveries it lets through:
/// the order in which each order's events arrive, whether one arrives while another of its order is still
/// under way, and how many are under way at once. On request it holds the deliveries until a number of them
/// are under way together, which only a dispatcher that overlaps them reaches (no timing involved).
/// </summary>
public sealed class DeliveryWatch : Interceptor
{
    private readonly Lock state = new();
    private readonly List<(string OrderId, string Type)> arrivals = [];
    private readonly Dictionary<string, int> underWayPerOrder = [];
    private readonly List<string> overtakes = [];
    private int underWay;
    private int mostAtOnce;
    private int holdUntil;
    private TaskCompletionSource together = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Registered after <see cref="NotificationsGate"/>, so it sees only the deliveries the gate lets through.</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton(new DeliveryWatch());
        services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<DeliveryWatch>());
    }

    /// <summary>
    /// Forgets what was seen and holds each delivery from now on until <paramref name="count"/> are under way
    /// together (0: holds none). Call while no delivery can arrive (notifications taken down).
    /// </summary>
    public void Begin(int count)
    {
        lock (state)
        {
            arrivals.Clear();
            overtakes.Clear();
            mostAtOnce = 0;
            holdUntil = count;
            together = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (count == 0) together.SetResult();
        }
    }

    /// <summary>Completes once the deliveries asked for by <see cref="Begin"/> were under way together.</summary>
    public Task Together
    {
        get
        {
            lock (state) return together.Task;
        }
    }

    /// <summary>Each order's events, by type (ORDER_EVENT_TYPE_PLACED...), in the order they arrived.</summary>
    public string[] ArrivalsOf(string orderId)
    {
        lock (state) return arrivals.Where(a => a.OrderId == orderId).Select(a => a.Type).ToArray();
    }

    /// <summary>The events that arrived while an earlier one of their order was still under way.</summary>
    public IReadOnlyList<string> Overtakes
    {
        get
        {
            lock (state) return overtakes.ToList();
        }
    }

    /// <summary>The most deliveries under way at one time.</summary>
    public int MostAtOnce
    {
        get
        {
            lock (state) return mostAtOnce;
        }
    }

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!context.Method.EndsWith("/DeliverOrderEvent", StringComparison.Ordinal) || request is not IMessage message)
        {
            return await continuation(request, context);
        }
        // The service's own message types are internal to it: the event is read from its JSON form.
        using var json = JsonDocument.Parse(JsonFormatter.Default.Format(message));
        var orderEvent = json.RootElement.GetProperty("event");
        var arrival = (OrderId: orderEvent.GetProperty("orderId").GetString()!, Type: orderEvent.GetProperty("type").GetString()!);
        Task arrived;
        lock (state)
        {
            var ofItsOrder = underWayPerOrder.GetValueOrDefault(arrival.OrderId);
            underWayPerOrder[arrival.OrderId] = ofItsOrder + 1;
            if (ofItsOrder > 0) overtakes.Add($"{arrival.Type} of order {arrival.OrderId}");
            arrivals.Add(arrival);
            mostAtOnce = Math.Max(mostAtOnce, ++underWay);
            if (underWay >= holdUntil) together.TrySetResult();
            arrived = together.Task;
        }
        try
        {
            try
            {
                await arrived.WaitAsync(context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Held until the caller gave up (a batch that straddled notifications' return): it never arrived.
                lock (state) arrivals.Remove(arrival);
                throw;
            }
            return await continuation(request, context);
        }
        finally
        {
            lock (state)
            {
                underWay--;
                if (--underWayPerOrder[arrival.OrderId] == 0) underWayPerOrder.Remove(arrival.OrderId);
            }
        }
    }
}
