namespace Shop.Contracts.Pact.Tests.Providers;

public sealed record StoredProduct(string Sku, string Name, long PriceCents, IReadOnlyList<string> Tags, DateTimeOffset CreatedAt);
