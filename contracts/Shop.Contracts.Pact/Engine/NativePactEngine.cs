using Shop.Contracts.Pact.Interop;

namespace Shop.Contracts.Pact.Engine;

/// <summary>The engine in libpact_ffi, reached through <see cref="NativeInterop"/>.</summary>
internal sealed class NativePactEngine : IPactEngine
{
    public static readonly NativePactEngine Instance = new();

    private NativePactEngine()
    {
    }

    public IMessageMatcher Matcher { get; } = new NativeMessageMatcher();

    public ISyncMessagePactDriver NewV4Pact(string consumer, string provider)
    {
        PactEngineInitializer.EnsureStarted();
        return NativeSyncMessagePactDriver.Create(consumer, provider);
    }

    public IVerifierProvider NewVerifier()
    {
        PactEngineInitializer.EnsureStarted();
        return NativeVerifierProvider.Create();
    }

    /// <summary>Throws with the engine's log when it refused <paramref name="what"/>.</summary>
    public static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"The Pact engine refused to {what}. {EngineString.Logs()}");
        }
    }
}
