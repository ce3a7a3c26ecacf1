using Shop.Common.V1;

namespace Shop.Web.Shopping;

/// <summary>One product in the cart, at the price the catalogue showed (the order is refused if it changed since).</summary>
public sealed record CartLine(string ProductId, string Name, Money UnitPrice, int Quantity)
{
    public decimal LineTotal => UnitPrice.ToDecimal() * Quantity;
}
