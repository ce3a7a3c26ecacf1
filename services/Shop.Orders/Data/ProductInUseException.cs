using Shop.ServiceDefaults.Errors;

namespace Shop.Orders.Data;

internal sealed class ProductInUseException(Guid productId) : PreconditionFailedException($"product {productId} is part of orders and cannot be deleted")
{
    public Guid ProductId { get; } = productId;
}
