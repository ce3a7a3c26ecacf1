using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Shop.Orders.V1;

namespace Shop.Users.Orders;

/// <summary>
/// A user's orders, asked of the orders service (ListOrders) through the gRPC client factory, which
/// propagates the incoming call's deadline and cancellation. Each call passes the orders circuit breaker;
/// whatever keeps orders from answering is UNAVAILABLE <see cref="Unavailable"/>.
/// </summary>
internal sealed class OrderHistory(
    GrpcClientFactory clients,
    ResiliencePipelineProvider<string> pipelines,
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

    private readonly ResiliencePipeline breaker = pipelines.GetPipeline(PipelineName);

    /// <summary>The user's orders, newest first, at most <see cref="MaxOrders"/>.</summary>
    /// <exception cref="RpcException">UNAVAILABLE when the orders service cannot answer within the deadline.</exception>
    public async Task<IReadOnlyList<Order>> ListAsync(Guid userId, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + options.Value.Deadline;
        var orders = new List<Order>();
        var pageToken = "";
        do
        {
            var page = await ListOrdersAsync(new ListOrdersRequest { UserId = userId.ToString(), PageSize = PageSize, PageToken = pageToken }, deadline, ct);
            orders.AddRange(page.Orders);
            pageToken = page.NextPageToken;
        }
        while (pageToken.Length > 0 && orders.Count < MaxOrders);
        return orders;
    }

    /// <summary>Whether the user has any order at all, in any status.</summary>
    /// <exception cref="RpcException">UNAVAILABLE when the orders service cannot answer within the deadline.</exception>
    public async Task<bool> AnyAsync(Guid userId, CancellationToken ct)
    {
        var page = await ListOrdersAsync(new ListOrdersRequest { UserId = userId.ToString(), PageSize = 1 }, DateTime.UtcNow + options.Value.Deadline, ct);
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

    private async Task<ListOrdersResponse> ListOrdersAsync(ListOrdersRequest request, DateTime deadline, CancellationToken ct)
    {
        // Made per call rather than injected: every UserService call builds this class, and most never
        // need orders (nor should they fail when its address is misconfigured).
        var client = clients.CreateClient<OrderService.OrderServiceClient>(ClientName);
        try
        {
            return await breaker.ExecuteAsync(
                async token => await client.ListOrdersAsync(request, deadline: deadline, cancellationToken: token), ct);
        }
        catch (BrokenCircuitException)
        {
            // Open circuit: fail at once without a call; Polly logs when it opens and closes.
            throw UnavailableError();
        }
        catch (Exception e) when (e is RpcException or HttpRequestException && !ct.IsCancellationRequested)
        {
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
    }

    private static RpcException UnavailableError() => new(new Status(StatusCode.Unavailable, Unavailable));
}
