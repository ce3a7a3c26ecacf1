namespace Shop.Orders.Data;

/// <summary>A row of <c>order_items</c>: the product's name and price as they were when the order was placed.</summary>
internal sealed record OrderItemRecord(Guid OrderId, Guid ProductId, string ProductName, int Quantity, decimal UnitPrice)
{
    public decimal LineTotal => Quantity * UnitPrice;
}
