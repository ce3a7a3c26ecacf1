namespace Shop.Contracts.Pact.Engine;

/// <summary>
/// The Pact engine as the public API sees it: building pacts, matching a received message, verifying a
/// provider. The API (<c>Pact</c>, <c>GrpcPactBuilder</c>, <c>GrpcPactVerifier</c>) holds one of these
/// and never calls the native library itself; <see cref="NativePactEngine"/> is the implementation.
/// </summary>
internal interface IPactEngine
{
    /// <summary>A new, empty Pact V4 pact between the two participants.</summary>
    ISyncMessagePactDriver NewV4Pact(string consumer, string provider);

    /// <summary>Compares received messages with expected ones by the engine's matching rules.</summary>
    IMessageMatcher Matcher { get; }

    /// <summary>A new verifier; dispose it when the run is over.</summary>
    IVerifierProvider NewVerifier();
}
