using Shop.Orders.V1;

namespace Shop.Web.Shopping;

/// <summary>The signed-in user's cart, for the life of their circuit (one browser tab).</summary>
public sealed class Cart
{
    private readonly List<CartLine> lines = [];

    public IReadOnlyList<CartLine> Lines => lines;

    public bool IsEmpty => lines.Count == 0;

    public decimal Total => lines.Sum(l => l.LineTotal);

    public string Currency => lines.FirstOrDefault()?.UnitPrice.CurrencyCode ?? MoneyAmount.DefaultCurrency;

    public void Add(Product product, int quantity)
    {
        var index = lines.FindIndex(l => l.ProductId == product.ProductId);
        if (index < 0) lines.Add(new CartLine(product.ProductId, product.Name, product.Price, quantity));
        else lines[index] = lines[index] with { Quantity = lines[index].Quantity + quantity };
    }

    public void Remove(string productId) => lines.RemoveAll(l => l.ProductId == productId);

    public void Clear() => lines.Clear();

    public PlaceOrderRequest ToOrder(string userId)
    {
        var request = new PlaceOrderRequest { UserId = userId };
        request.Items.AddRange(lines.Select(l => new PlaceOrderItem { ProductId = l.ProductId, Quantity = l.Quantity, ExpectedUnitPrice = l.UnitPrice }));
        return request;
    }
}
