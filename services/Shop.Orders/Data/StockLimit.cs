namespace Shop.Orders.Data;

/// <summary>How much of a product the shop can count.</summary>
internal static class StockLimit
{
    /// <summary>The largest stock: what <c>products.stock</c> (<c>integer</c>) and the protos' <c>int32</c> hold.</summary>
    public const int Max = int.MaxValue;
}
