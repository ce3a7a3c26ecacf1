using Google.Protobuf.WellKnownTypes;
using Shop.Orders.Data;
using Shop.Orders.V1;

namespace Shop.Orders.Grpc;

internal static class OrderMapping
{
    public static Order ToMessage(this OrderDetails details)
    {
        var order = details.Order;
        var message = new Order
        {
            OrderId = order.Id.ToString(),
            UserId = order.UserId.ToString(),
            Status = ToStatus(order.Status),
            Total = order.Total.ToMoney(),
            CreatedAt = ToTimestamp(order.CreatedAt),
            UpdatedAt = ToTimestamp(order.UpdatedAt),
        };
        message.Items.AddRange(details.Items.Select(i => new OrderItem
        {
            ProductId = i.ProductId.ToString(),
            ProductName = i.ProductName,
            Quantity = i.Quantity,
            UnitPrice = i.UnitPrice.ToMoney(),
            LineTotal = i.LineTotal.ToMoney(),
        }));
        return message;
    }

    public static Payment ToMessage(this PaymentRecord payment) => new()
    {
        PaymentId = payment.Id.ToString(),
        Method = ToPaymentMethod(payment.Method),
        Amount = payment.Amount.ToMoney(),
        IdempotencyKey = payment.IdempotencyKey,
        PaidAt = ToTimestamp(payment.PaidAt),
    };

    public static CustomerSpending ToMessage(this CustomerSpendingRecord record) => new()
    {
        UserId = record.UserId.ToString(),
        OrderCount = record.OrderCount,
        TotalSpent = record.TotalSpent.ToMoney(),
        AverageOrderValue = record.AverageOrderValue.ToMoney(),
    };

    /// <summary>The <c>payments.method</c> value, or null for a method the contract does not define.</summary>
    public static string? ToColumn(PaymentMethod method) => method switch
    {
        PaymentMethod.Card => "card",
        PaymentMethod.BankTransfer => "bank_transfer",
        PaymentMethod.Wallet => "wallet",
        _ => null,
    };

    private static PaymentMethod ToPaymentMethod(string column) => column switch
    {
        "card" => PaymentMethod.Card,
        "bank_transfer" => PaymentMethod.BankTransfer,
        "wallet" => PaymentMethod.Wallet,
        _ => PaymentMethod.Unspecified,
    };

    private static OrderStatus ToStatus(string state) => state switch
    {
        OrderStates.Pending => OrderStatus.Pending,
        OrderStates.Paid => OrderStatus.Paid,
        OrderStates.Fulfilled => OrderStatus.Fulfilled,
        OrderStates.Cancelled => OrderStatus.Cancelled,
        _ => OrderStatus.Unspecified,
    };

    private static Timestamp ToTimestamp(DateTime value) => Timestamp.FromDateTime(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
