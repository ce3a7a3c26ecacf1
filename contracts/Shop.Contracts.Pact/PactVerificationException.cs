namespace Shop.Contracts.Pact;

/// <summary>
/// A contract was not met: on the consumer side a request matched no interaction or a declared
/// interaction was never called (no pact file is written); on the provider side the provider's
/// answers differ from a pact. The message names the interactions and fields.
/// </summary>
public sealed class PactVerificationException(string message, Exception? inner = null)
    : Exception(message, inner);
