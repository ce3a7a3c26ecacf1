using System.ComponentModel.DataAnnotations;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Shop.Orders.V1;
using Shop.ServiceDefaults.Errors;

namespace Shop.Users.Orders;

/// <summary>
/// A user's orders, asked of the orders service (ListOrders) through the gRPC client factory, which
/// propagates the incoming call's deadline and cancellation. Each call passes the orders circuit breaker;
/// whatever keeps orders from answering is UNAVAILABLE <see cref="Unavailable"/>, except the incoming
/// call's own (sooner) deadline passing, which is DEADLINE_EXCEEDED.
/// </summary>
internal sealed class OrderHistory(
    GrpcClientFactory clients,
    ResiliencePipelineProvider<string> pipelines,
    IHttpContextAccessor http,
    IOptions<OrderHistoryOptions> options,
    ILogger<OrderHistory> logger)
{
    public const string Unavailable = "Order service unavailable";

    /// <summary>The name of the orders gRPC client in the client factory (and of its HttpClient).</summary>
    public const string ClientName = "orders";

    /// <summary>The name of the resilience pipeline (the circuit breaker) around every ListOrders call.</summary>
    public const string PipelineName = "orders";

    // ListUserOrdersResponse has no page token, so the listing pages through the largest pages orders
    // serves, newest first, up to this many orders: a user with more sees the newest ones. The cap keeps
    // one call's memory and time bounded; every page shares the one deadline.
    public const int MaxOrders = 1_000;
    private const int PageSize = 100;

    // True on a ListOrders call's resilience context when the incoming call's deadline is sooner than
    // ours, so that (call context propagation) it is the deadline the call to orders runs under.
    private static readonly ResiliencePropertyKey<bool> UnderCallersDeadline = new("Shop.Users.Orders.UnderCallersDeadline");

    /// <summary>The user's orders, newest first, at most <see cref="MaxOrders"/>.</summary>
    /// <exception cref="DependencyUnavailableException">The orders service cannot answer within the deadline.</exception>
    public async Task<IReadOnlyList<Order>> ListAsync(Guid userId, CancellationToken ct)
    {
        var orders = Connect();
        var listed = new List<Order>();
        // Pages are offsets into a list that grows at its head: an order placed while we page shifts the
        // next page by one, which would repeat the last order of this one.
        var seen = new HashSet<string>();
        var pageToken = "";
        do
        {
            var page = await ListOrdersAsync(orders, new ListOrdersRequest { UserId = userId.ToString(), PageSize = PageSize, PageToken = pageToken }, ct);
            listed.AddRange(page.Orders.Where(order => seen.Add(order.OrderId)));
            pageToken = page.NextPageToken;
        }
        while (pageToken.Length > 0 && listed.Count < MaxOrders);
        return listed;
    }

    /// <summary>Whether the user has any order at all, in any status.</summary>
    /// <exception cref="DependencyUnavailableException">The orders service cannot answer within the deadline.</exception>
    public async Task<bool> AnyAsync(Guid userId, CancellationToken ct)
    {
        var page = await ListOrdersAsync(Connect(), new ListOrdersRequest { UserId = userId.ToString(), PageSize = 1 }, ct);
        return page.Orders.Count > 0;
    }

    /// <summary>
    /// What the circuit breaker counts: orders down, unreachable or too slow. An answer orders did give
    /// (even an error) says it is up, so it does not count.
    /// </summary>
    public static bool IsOutage(Exception e) => e switch
    {
        RpcException rpc => rpc.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded,
        HttpRequestException => true,
        _ => false,
    };

    /// <summary>
    /// The circuit breaker's predicate: an outage (<see cref="IsOutage"/>), unless the caller ended the
    /// call. A caller that cancelled, or whose own deadline was sooner than ours and ran out, says
    /// nothing about orders: counted, a few impatient callers would open the circuit for everyone.
    /// UNAVAILABLE under a short caller's deadline still counts, since orders (or its address) gave it.
    /// </summary>
    public static bool CountsAgainstOrders(Outcome<object> outcome, ResilienceContext context) =>
        outcome.Exception is { } e && IsOutage(e)
        && !context.CancellationToken.IsCancellationRequested
        && !(e is RpcException { StatusCode: StatusCode.DeadlineExceeded } && context.Properties.GetValue(UnderCallersDeadline, false));

    /// <summary>
    /// The client, the circuit breaker and the deadline for one use of orders (every page of a listing).
    /// Made per use rather than injected: every UserService call builds this class, and most never need
    /// orders (nor should they fail when its settings are wrong).
    /// </summary>
    private OrdersCall Connect()
    {
        try
        {
            var deadline = DateTime.UtcNow + options.Value.Deadline;
            return new OrdersCall(
                clients.CreateClient<OrderService.OrderServiceClient>(ClientName),
                pipelines.GetPipeline(PipelineName),
                deadline,
                IncomingDeadline() < deadline);
        }
        catch (Exception e) when (e is InvalidOperationException or OptionsValidationException or ValidationException)
        {
            // Settings that start-up validation did not see (a host never started, a reloaded address): the
            // caller can do nothing about them, so UNAVAILABLE rather than UNKNOWN, and an error for whoever runs users.
            logger.LogError(e, "The orders client or its circuit breaker could not be made; check {Address} and {Section}",
                OrderHistoryOptions.AddressKey, OrderHistoryOptions.Section);
            throw UnavailableError();
        }
    }

    private async Task<ListOrdersResponse> ListOrdersAsync(OrdersCall orders, ListOrdersRequest request, CancellationToken ct)
    {
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(UnderCallersDeadline, orders.UnderCallersDeadline);
        try
        {
            return await orders.Breaker.ExecuteAsync(
                static async (context, call) =>
                    await call.orders.Client.ListOrdersAsync(call.request, deadline: call.orders.Deadline, cancellationToken: context.CancellationToken),
                context, (orders, request));
        }
        catch (BrokenCircuitException)
        {
            // Open circuit: fail at once without a call; Polly logs when it opens and closes.
            throw UnavailableError();
        }
        catch (Exception e) when (e is RpcException or HttpRequestException && !ct.IsCancellationRequested)
        {
            if (e is RpcException { StatusCode: StatusCode.DeadlineExceeded } && orders.UnderCallersDeadline)
            {
                // The caller's own deadline, not ours, ran out: no news about orders, so the caller hears
                // what gRPC says of a deadline (should this answer beat its own timer) rather than UNAVAILABLE.
                logger.LogInformation("ListOrders for {UserId} ran out of the incoming call's deadline", request.UserId);
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, "The call's deadline passed while waiting for the order service."));
            }
            if (IsOutage(e))
            {
                // Expected while orders is away: one line, no stack trace.
                logger.LogWarning("ListOrders for {UserId} failed, orders is down, unreachable or too slow: {Reason}",
                    request.UserId, e is RpcException rpc ? $"{rpc.StatusCode} {rpc.Status.Detail}" : e.Message);
            }
            else
            {
                // Orders refused what users sent (INVALID_ARGUMENT, UNIMPLEMENTED...): the two disagree on the
                // contract, which the caller can neither fix nor should see as INTERNAL or UNKNOWN.
                logger.LogError(e, "ListOrders for {UserId} was refused by orders with {Status}", request.UserId, ((RpcException)e).StatusCode);
            }
            throw UnavailableError();
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The deadline of the gRPC call being served (none outside one, e.g. in a contract test).</summary>
    private DateTime IncomingDeadline() =>
        http.HttpContext?.Features.Get<IServerCallContextFeature>()?.ServerCallContext.Deadline ?? DateTime.MaxValue;

    private static DependencyUnavailableException UnavailableError() => new($"{Unavailable}");

    /// <param name="UnderCallersDeadline">Whether the incoming call's deadline is sooner than ours, and so (call context propagation) the one orders gets.</param>
    private readonly record struct OrdersCall(OrderService.OrderServiceClient Client, ResiliencePipeline Breaker, DateTime Deadline, bool UnderCallersDeadline);
}
