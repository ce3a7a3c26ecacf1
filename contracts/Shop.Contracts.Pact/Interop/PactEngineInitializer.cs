using System.Runtime.CompilerServices;

namespace Shop.Contracts.Pact.Interop;

/// <summary>
/// Runs once per process before any engine call: installs the library resolver and sends the
/// engine's logs to its in-memory buffer (the engine accepts a logger only once per process).
/// </summary>
internal static class PactEngineInitializer
{
    /// <summary>The engine's <c>LevelFilter</c>: Off, Error, Warn, Info, Debug, Trace.</summary>
    private const int WarnLevel = 2;

    private static readonly Lazy<bool> Logging = new(() => NativeInterop.pactffi_log_to_buffer(WarnLevel) == 0);

    // The resolver must be in place before the first P/Invoke, whichever public type is used first.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Initialize() => PactEngineLocator.Register();
#pragma warning restore CA2255

    /// <summary>Starts buffered logging on first use; the native library loads lazily, so a missing engine surfaces in a test, not at assembly load.</summary>
    public static void EnsureStarted() => _ = Logging.Value;
}
