using Grpc.Core;
using Shop.Orders.V1;

namespace Shop.Web.Tests.Fakes;

public sealed class FakeOrderClient : OrderService.OrderServiceClient
{
    /// <summary>The orders ListOrders answers with, or the failure it answers with while set.</summary>
    public List<Order> Orders { get; } = [];

    public RpcException? Outage { get; set; }

    public List<string> AskedForUsers { get; } = [];

    public override AsyncUnaryCall<ListOrdersResponse> ListOrdersAsync(ListOrdersRequest request, CallOptions options) => Calls.Answer(() =>
    {
        AskedForUsers.Add(request.UserId);
        if (Outage is not null) throw Outage;
        return new ListOrdersResponse { Orders = { Orders } };
    });
}
