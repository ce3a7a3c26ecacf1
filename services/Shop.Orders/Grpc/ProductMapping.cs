using Google.Protobuf.WellKnownTypes;
using Shop.Orders.Data;
using Shop.Orders.V1;

namespace Shop.Orders.Grpc;

internal static class ProductMapping
{
    public static Product ToMessage(this ProductRecord record) => new()
    {
        ProductId = record.Id.ToString(),
        Name = record.Name,
        Price = record.Price.ToMoney(),
        Stock = record.Stock,
        Category = record.Category,
        CreatedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(record.CreatedAt, DateTimeKind.Utc)),
    };
}
