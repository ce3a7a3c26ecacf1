namespace Shop.Orders.Data;

/// <summary>A row of <c>products</c>. Prices are EUR.</summary>
internal sealed record ProductRecord(Guid Id, string Name, decimal Price, int Stock, string Category, DateTime CreatedAt);
