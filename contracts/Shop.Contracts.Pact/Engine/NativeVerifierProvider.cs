using System.Runtime.InteropServices;
using Shop.Contracts.Pact.Interop;

namespace Shop.Contracts.Pact.Engine;

/// <summary>The engine's verifier (<c>pactffi_verifier_*</c>), addressed by its <see cref="VerifierHandle"/>.</summary>
internal sealed class NativeVerifierProvider : IVerifierProvider
{
    private readonly VerifierHandle handle;
    private bool disposed;

    private NativeVerifierProvider(VerifierHandle handle) => this.handle = handle;

    public static NativeVerifierProvider Create()
    {
        var handle = NativeInterop.pactffi_verifier_new_for_application("Shop.Contracts.Pact", "1.0.0");
        NativePactEngine.Check(handle.IsValid, "create a verifier");
        return new NativeVerifierProvider(handle);
    }

    public void SetProviderInfo(string name, string scheme, string host, int port, string path) =>
        NativeInterop.pactffi_verifier_set_provider_info(handle, name, scheme, host, checked((ushort)port), path);

    public void AddTransport(string protocol, int port, string path, string scheme) =>
        NativeInterop.pactffi_verifier_add_provider_transport(handle, protocol, checked((ushort)port), path, scheme);

    public void SetProviderStateUrl(Uri url, bool teardown) =>
        NativeInterop.pactffi_verifier_set_provider_state(handle, url.ToString(), teardown ? (byte)1 : (byte)0, body: 1);

    public void SetVerificationOptions(TimeSpan requestTimeout)
    {
        NativeInterop.pactffi_verifier_set_verification_options(handle, 0, new CULong((nuint)requestTimeout.TotalMilliseconds));
        NativeInterop.pactffi_verifier_set_coloured_output(handle, 0);
    }

    public void AddFileSource(string file) => NativeInterop.pactffi_verifier_add_file_source(handle, file);

    public void AddDirectorySource(string directory) => NativeInterop.pactffi_verifier_add_directory_source(handle, directory);

    public bool Execute() => NativeInterop.pactffi_verifier_execute(handle) == 0;

    public string Output() => EngineString.Take(NativeInterop.pactffi_verifier_output(handle, 1)) ?? string.Empty;

    public string JsonReport() => EngineString.Take(NativeInterop.pactffi_verifier_json(handle)) ?? "{}";

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            NativeInterop.pactffi_verifier_shutdown(handle);
        }
    }
}
