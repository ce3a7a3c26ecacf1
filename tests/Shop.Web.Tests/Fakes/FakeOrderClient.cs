using Grpc.Core;
using Shop.Orders.V1;

namespace Shop.Web.Tests.Fakes;

public sealed class FakeOrderClient : OrderService.OrderServiceClient
{
    /// <summary>The orders ListOrders answers with (each user's own), or the failure it answers with while set.</summary>
    public List<Order> Orders { get; } = [];

    public List<CustomerSpending> Spending { get; } = [];

    public RpcException? Outage { get; set; }

    public List<string> AskedForUsers { get; } = [];

    public override AsyncUnaryCall<ListOrdersResponse> ListOrdersAsync(ListOrdersRequest request, CallOptions options) => Calls.Answer(() =>
    {
        AskedForUsers.Add(request.UserId);
        if (Outage is not null) throw Outage;
        return new ListOrdersResponse { Orders = { Orders.Where(o => o.UserId == request.UserId) } };
    });

    public override AsyncUnaryCall<ListCustomerSpendingResponse> ListCustomerSpendingAsync(ListCustomerSpendingRequest request, CallOptions options) =>
        Calls.Answer(() => new ListCustomerSpendingResponse { Customers = { Spending } });

    public override AsyncUnaryCall<FulfillOrderResponse> FulfillOrderAsync(FulfillOrderRequest request, CallOptions options) => Calls.Answer(() =>
    {
        var order = Orders.Single(o => o.OrderId == request.OrderId);
        if (order.Status != OrderStatus.Paid) throw Calls.Failure(StatusCode.FailedPrecondition, $"order {order.OrderId} is {order.Status}, not PAID");
        order.Status = OrderStatus.Fulfilled;
        return new FulfillOrderResponse { Order = order };
    });
}
