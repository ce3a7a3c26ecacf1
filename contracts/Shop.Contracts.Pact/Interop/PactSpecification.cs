namespace Shop.Contracts.Pact.Interop;

/// <summary>Pact specification versions as the engine numbers them (pact_ffi <c>PactSpecification</c>).</summary>
internal enum PactSpecification
{
    Unknown = 0,
    V1 = 1,
    V1_1 = 2,
    V2 = 3,
    V3 = 4,
    V4 = 5,
}
