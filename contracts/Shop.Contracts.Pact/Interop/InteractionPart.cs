namespace Shop.Contracts.Pact.Interop;

/// <summary>Which half of a synchronous message an engine call applies to (pact_ffi <c>InteractionPart</c>).</summary>
internal enum InteractionPart
{
    Request = 0,
    Response = 1,
}
