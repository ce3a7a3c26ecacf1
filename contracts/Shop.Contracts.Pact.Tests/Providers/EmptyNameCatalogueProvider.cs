using Shop.Contracts.Pact.Tests.Catalogue;

namespace Shop.Contracts.Pact.Tests.Providers;

/// <summary>Breaks the contract: leaves Product.name empty.</summary>
public sealed class EmptyNameCatalogueProvider(ProductStore store) : CatalogueProvider(store)
{
    protected override Product ToMessage(StoredProduct product)
    {
        var message = base.ToMessage(product);
        message.Name = string.Empty;
        return message;
    }
}
