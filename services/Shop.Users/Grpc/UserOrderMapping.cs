using Google.Protobuf.Reflection;
using Shop.Orders.V1;
using Shop.Users.V1;

namespace Shop.Users.Grpc;

internal static class UserOrderMapping
{
    private static readonly EnumDescriptor Statuses = Order.Descriptor.FindFieldByNumber(Order.StatusFieldNumber).EnumType;

    public static UserOrder ToUserOrder(this Order order) => new()
    {
        OrderId = order.OrderId,
        Status = StatusName(order.Status),
        Total = order.Total?.Clone(),
        CreatedAt = order.CreatedAt?.Clone(),
    };

    /// <summary>The status as orders.proto names it, e.g. "ORDER_STATUS_PAID"; the number for a status newer than our copy of the proto.</summary>
    private static string StatusName(OrderStatus status) =>
        Statuses.FindValueByNumber((int)status)?.Name ?? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
