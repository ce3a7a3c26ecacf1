namespace Shop.Contracts.Pact;

/// <summary>
/// The native Pact engine (libpact_ffi) could not be found or loaded. It is installed from npm into
/// <c>contracts/node_modules</c> by <c>./build.sh --target=Pact-Install</c> (<c>npm ci --prefix contracts</c>).
/// </summary>
public sealed class PactEngineNotFoundException(string message, Exception? inner = null)
    : Exception(message, inner);
