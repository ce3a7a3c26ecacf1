namespace Shop.Contracts.Pact.Interop;

/// <summary>Matching-rule categories as the engine numbers them (pact_ffi <c>MatchingRuleCategory</c>).</summary>
internal enum MatchingRuleCategory
{
    Method = 0,
    Path = 1,
    Header = 2,
    Query = 3,
    Body = 4,
    Status = 5,
    Contents = 6,
    Metadata = 7,
}
