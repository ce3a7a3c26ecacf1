using System.Runtime.InteropServices;

namespace Shop.Contracts.Pact.Interop;

/// <summary>The engine's handle to a provider verifier (an opaque pointer in pact_ffi; null means it was refused).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct VerifierHandle
{
#pragma warning disable CS0649 // Only the engine makes handles: they come back from P/Invoke calls.
    private readonly IntPtr value;
#pragma warning restore CS0649

    public bool IsValid => value != IntPtr.Zero;
}
