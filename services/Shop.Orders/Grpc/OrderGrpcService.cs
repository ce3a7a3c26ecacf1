using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Shop.Orders.Data;
using Shop.Orders.Orders;
using Shop.Orders.V1;
using Shop.ServiceDefaults.Auth;
using Shop.ServiceDefaults.Errors;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Orders.Grpc;

/// <summary>Orders: a customer reaches only their own (an order of anyone else's reads as not theirs, existing or not); admins all.</summary>
internal sealed class OrderGrpcService(OrderWorkflow workflow, OrderRepository orders) : OrderService.OrderServiceBase
{
    [Authorize(Policy = AccessPolicies.SignedIn)]
    public override async Task<PlaceOrderResponse> PlaceOrder(PlaceOrderRequest request, ServerCallContext context)
    {
        var userId = Guid.Parse(request.UserId);
        if (context.Caller().UserId != userId) throw new PermissionDeniedException($"an order can only be placed for yourself (user_id must be your own id)");
        var order = await workflow.PlaceAsync(userId, Lines(request), context.CancellationToken);
        return new PlaceOrderResponse { Order = order.ToMessage() };
    }

    [Authorize(Policy = AccessPolicies.SignedIn)]
    public override async Task<GetOrderResponse> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        var id = Guid.Parse(request.OrderId);
        var caller = context.Caller();
        var order = await orders.FindAsync(id, context.CancellationToken);
        if (!caller.IsAdmin && order?.Order.UserId != caller.UserId) throw NotYours(id);
        if (order is null) throw new NotFoundException($"order {id} not found");
        return new GetOrderResponse { Order = order.ToMessage() };
    }

    [Authorize(Policy = AccessPolicies.SignedIn)]
    public override async Task<PayOrderResponse> PayOrder(PayOrderRequest request, ServerCallContext context)
    {
        var id = Guid.Parse(request.OrderId);
        var method = OrderMapping.ToColumn(request.Method) ?? throw RequestValidation.Invalid("method", $"must be CARD, BANK_TRANSFER or WALLET");
        var amount = MoneyMapping.ToPositiveEuros(request.Amount, "amount");
        var key = RequestValidation.RequireText(request.IdempotencyKey, "idempotency_key");
        await RequireOwnOrderAsync(id, context);
        var (order, payment) = await workflow.PayAsync(id, method, amount, key, context.CancellationToken);
        return new PayOrderResponse { Order = order.ToMessage(), Payment = payment.ToMessage() };
    }

    [Authorize(Policy = AccessPolicies.Admin)]
    public override async Task<FulfillOrderResponse> FulfillOrder(FulfillOrderRequest request, ServerCallContext context)
    {
        var id = Guid.Parse(request.OrderId);
        return new FulfillOrderResponse { Order = (await workflow.FulfillAsync(id, context.CancellationToken)).ToMessage() };
    }

    [Authorize(Policy = AccessPolicies.SignedIn)]
    public override async Task<CancelOrderResponse> CancelOrder(CancelOrderRequest request, ServerCallContext context)
    {
        var id = Guid.Parse(request.OrderId);
        await RequireOwnOrderAsync(id, context);
        return new CancelOrderResponse { Order = (await workflow.CancelAsync(id, context.CancellationToken)).ToMessage() };
    }

    [Authorize(Policy = AccessPolicies.SignedInOrUsersForUser)]
    public override async Task<ListOrdersResponse> ListOrders(ListOrdersRequest request, ServerCallContext context)
    {
        var userId = Guid.Parse(request.UserId);
        context.Caller().RequireSelfOrAdmin(userId);
        var size = RequestValidation.PageSize(request.PageSize);
        var offset = PageToken.Offset(request.PageToken);
        var page = await orders.ListByUserAsync(userId, offset, size, context.CancellationToken);
        var response = new ListOrdersResponse { NextPageToken = PageToken.Next(offset, size, page.Count) };
        response.Orders.AddRange(page.Select(o => o.ToMessage()));
        return response;
    }

    [Authorize(Policy = AccessPolicies.Admin)]
    public override async Task<ListCustomerSpendingResponse> ListCustomerSpending(ListCustomerSpendingRequest request, ServerCallContext context)
    {
        var limit = RequestValidation.PageSize(request.Limit);
        var rows = await orders.CustomerSpendingAsync(limit, context.CancellationToken);
        var response = new ListCustomerSpendingResponse();
        response.Customers.AddRange(rows.Select(r => r.ToMessage()));
        return response;
    }

    /// <summary>Admins act on any order (the workflow then says NOT_FOUND for a missing one); a customer only on their own.</summary>
    private async Task RequireOwnOrderAsync(Guid id, ServerCallContext context)
    {
        var caller = context.Caller();
        if (!caller.IsAdmin && await orders.OwnerAsync(id, context.CancellationToken) != caller.UserId) throw NotYours(id);
    }

    // One answer for another user's order and for none at all, so a customer learns nothing about others' orders.
    private static PermissionDeniedException NotYours(Guid id) => new($"order {id} is not one of your orders");

    private static List<OrderLine> Lines(PlaceOrderRequest request)
    {
        // The declared rules bound the items (1-100), their quantities (1-10,000) and ids (UUIDs).
        var lines = new List<OrderLine>();
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            var field = $"items[{i}]";
            var productId = Guid.Parse(item.ProductId);
            if (lines.Any(l => l.ProductId == productId))
            {
                throw RequestValidation.Invalid($"{field}.product_id", $"product {productId} is already in the order; order it once with the total quantity");
            }
            var expected = item.ExpectedUnitPrice is null ? (decimal?)null : MoneyMapping.ToPositiveEuros(item.ExpectedUnitPrice, $"{field}.expected_unit_price");
            lines.Add(new OrderLine(field, productId, item.Quantity, expected));
        }
        return lines;
    }
}
