namespace Shop.Contracts.Pact.Consumer;

/// <summary>An interaction the mock serves, with the engine's expected request and how often it was called.</summary>
internal sealed class MockInteraction(GrpcInteractionDefinition definition, string expectedRequestJson)
{
    private int calls;

    public GrpcInteractionDefinition Definition { get; } = definition;

    public string ExpectedRequestJson { get; } = expectedRequestJson;

    public int Calls => Volatile.Read(ref calls);

    public void RecordCall() => Interlocked.Increment(ref calls);
}
