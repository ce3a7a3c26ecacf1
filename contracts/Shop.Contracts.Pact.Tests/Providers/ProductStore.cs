using System.Collections.Concurrent;

namespace Shop.Contracts.Pact.Tests.Providers;

/// <summary>The test providers' "database": products by SKU, filled by provider states.</summary>
public sealed class ProductStore
{
    private readonly ConcurrentDictionary<string, StoredProduct> products = new();

    public void Add(string sku, string name, long priceCents, params string[] tags) =>
        products[sku] = new StoredProduct(sku, name, priceCents, tags, DateTimeOffset.UtcNow);

    public StoredProduct? Find(string sku) => products.GetValueOrDefault(sku);

    public IEnumerable<StoredProduct> WithTag(string tag) =>
        products.Values.Where(p => tag.Length == 0 || p.Tags.Contains(tag)).OrderBy(p => p.Sku, StringComparer.Ordinal);
}
