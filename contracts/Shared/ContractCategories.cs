namespace Shop.Contracts.Testing;

/// <summary>Test categories the build filters on (<c>--filter TestCategory=PactConsumer</c>).</summary>
internal static class ContractCategories
{
    /// <summary>Drives a service's real client code against a mock provider and writes its pact.</summary>
    public const string Consumer = "PactConsumer";

    /// <summary>Verifies a real provider (in-process host, real database) against the committed pacts, or proves that a broken one fails.</summary>
    public const string Provider = "PactProvider";
}
