using Grpc.Core;
using Shop.Orders.Data;
using Shop.Orders.Orders;
using Shop.Orders.V1;
using Shop.ServiceDefaults.Errors;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Orders.Grpc;

internal sealed class OrderGrpcService(OrderWorkflow workflow, OrderRepository orders) : OrderService.OrderServiceBase
{
    private const int MaxItems = 100;
    private const int MaxQuantity = 10_000;

    public override async Task<PlaceOrderResponse> PlaceOrder(PlaceOrderRequest request, ServerCallContext context)
    {
        var userId = RequestValidation.RequireId(request.UserId, "user_id");
        var order = await workflow.PlaceAsync(userId, Lines(request), context.CancellationToken);
        return new PlaceOrderResponse { Order = order.ToMessage() };
    }

    public override async Task<GetOrderResponse> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        var id = RequestValidation.RequireId(request.OrderId, "order_id");
        var order = await orders.FindAsync(id, context.CancellationToken)
            ?? throw new NotFoundException($"order {id} not found");
        return new GetOrderResponse { Order = order.ToMessage() };
    }

    public override async Task<PayOrderResponse> PayOrder(PayOrderRequest request, ServerCallContext context)
    {
        var id = RequestValidation.RequireId(request.OrderId, "order_id");
        var method = OrderMapping.ToColumn(request.Method) ?? throw RequestValidation.Invalid("method", $"must be CARD, BANK_TRANSFER or WALLET");
        var amount = MoneyMapping.ToPositiveEuros(request.Amount, "amount");
        var key = RequestValidation.RequireText(request.IdempotencyKey, "idempotency_key", 100);
        var (order, payment) = await workflow.PayAsync(id, method, amount, key, context.CancellationToken);
        return new PayOrderResponse { Order = order.ToMessage(), Payment = payment.ToMessage() };
    }

    public override async Task<FulfillOrderResponse> FulfillOrder(FulfillOrderRequest request, ServerCallContext context)
    {
        var id = RequestValidation.RequireId(request.OrderId, "order_id");
        return new FulfillOrderResponse { Order = (await workflow.FulfillAsync(id, context.CancellationToken)).ToMessage() };
    }

    public override async Task<CancelOrderResponse> CancelOrder(CancelOrderRequest request, ServerCallContext context)
    {
        var id = RequestValidation.RequireId(request.OrderId, "order_id");
        return new CancelOrderResponse { Order = (await workflow.CancelAsync(id, context.CancellationToken)).ToMessage() };
    }

    public override async Task<ListOrdersResponse> ListOrders(ListOrdersRequest request, ServerCallContext context)
    {
        var userId = RequestValidation.RequireId(request.UserId, "user_id");
        var size = RequestValidation.PageSize(request.PageSize);
        var offset = PageToken.Offset(request.PageToken);
        var page = await orders.ListByUserAsync(userId, offset, size, context.CancellationToken);
        var response = new ListOrdersResponse { NextPageToken = PageToken.Next(offset, size, page.Count) };
        response.Orders.AddRange(page.Select(o => o.ToMessage()));
        return response;
    }

    public override async Task<ListCustomerSpendingResponse> ListCustomerSpending(ListCustomerSpendingRequest request, ServerCallContext context)
    {
        var limit = RequestValidation.PageSize(request.Limit, "limit");
        var rows = await orders.CustomerSpendingAsync(limit, context.CancellationToken);
        var response = new ListCustomerSpendingResponse();
        response.Customers.AddRange(rows.Select(r => r.ToMessage()));
        return response;
    }

    private static List<OrderLine> Lines(PlaceOrderRequest request)
    {
        if (request.Items.Count == 0) throw RequestValidation.Invalid("items", $"must not be empty");
        if (request.Items.Count > MaxItems) throw RequestValidation.Invalid("items", $"must be at most {MaxItems}");
        var lines = new List<OrderLine>();
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            var field = $"items[{i}]";
            var productId = RequestValidation.RequireId(item.ProductId, $"{field}.product_id");
            if (lines.Any(l => l.ProductId == productId))
            {
                throw RequestValidation.Invalid($"{field}.product_id", $"product {productId} is already in the order; order it once with the total quantity");
            }
            if (item.Quantity is < 1 or > MaxQuantity)
            {
                throw RequestValidation.Invalid($"{field}.quantity", $"must be between 1 and {MaxQuantity}");
            }
            var expected = item.ExpectedUnitPrice is null ? (decimal?)null : MoneyMapping.ToPositiveEuros(item.ExpectedUnitPrice, $"{field}.expected_unit_price");
            lines.Add(new OrderLine(field, productId, item.Quantity, expected));
        }
        return lines;
    }
}
