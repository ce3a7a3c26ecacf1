using System.Runtime.InteropServices;

namespace Shop.Contracts.Pact.Interop;

/// <summary>Copies strings the engine hands over and frees them with <c>pactffi_string_delete</c>.</summary>
internal static class EngineString
{
    /// <summary>Copies and frees an owned engine string; null for a null pointer.</summary>
    public static string? Take(IntPtr owned)
    {
        if (owned == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(owned);
        }
        finally
        {
            NativeInterop.pactffi_string_delete(owned);
        }
    }

    /// <summary>The engine's buffered log so far, for error messages.</summary>
    public static string Logs() => Take(NativeInterop.pactffi_fetch_log_buffer(null)) ?? string.Empty;
}
