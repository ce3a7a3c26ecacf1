using System.Runtime.InteropServices;

namespace Shop.Contracts.Pact.Interop;

/// <summary>
/// The engine's handle to a pact under construction (a <c>uint16_t</c> in pact_ffi). A distinct type,
/// laid out as the bare number, so it passes to the engine unchanged but cannot be mixed up with an
/// interaction handle or a count.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct PactHandle
{
#pragma warning disable CS0649 // Only the engine makes handles: they come back from P/Invoke calls.
    private readonly ushort value;
#pragma warning restore CS0649

    public bool IsValid => value != 0;

    public override string ToString() => $"pact #{value}";
}
