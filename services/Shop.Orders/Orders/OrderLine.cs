namespace Shop.Orders.Orders;

/// <summary>A validated line of a PlaceOrder request; <see cref="Field"/> names it in errors, e.g. "items[1]".</summary>
internal sealed record OrderLine(string Field, Guid ProductId, int Quantity, decimal? ExpectedUnitPrice);
