using System.Runtime.InteropServices;

namespace Shop.Contracts.Pact.Interop;

/// <summary>The engine's handle to one interaction of a pact (a <c>uint32_t</c> in pact_ffi; 0 means it was refused).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct InteractionHandle
{
#pragma warning disable CS0649 // Only the engine makes handles: they come back from P/Invoke calls.
    private readonly uint value;
#pragma warning restore CS0649

    public bool IsValid => value != 0;

    public override string ToString() => $"interaction #{value}";
}
