using Shop.Contracts.Pact.Engine;

namespace Shop.Contracts.Pact;

/// <summary>The entry to a consumer's contract, as in PactNet: <c>Pact.V4("orders", "users", config).WithGrpcInteractions()</c>.</summary>
public static class Pact
{
    /// <summary>A Pact specification V4 contract between <paramref name="consumer"/> and <paramref name="provider"/> (service names, e.g. "orders", "users").</summary>
    public static PactV4 V4(string consumer, string provider, PactConfig? config = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        return new PactV4(consumer, provider, config ?? new PactConfig(), NativePactEngine.Instance);
    }
}
