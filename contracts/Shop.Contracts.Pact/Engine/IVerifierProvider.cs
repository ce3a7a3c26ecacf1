namespace Shop.Contracts.Pact.Engine;

/// <summary>
/// One run of the engine's provider verifier, configured step by step and executed once
/// (as pact-net's <c>IVerifierProvider</c>). Dispose it to shut the verifier down.
/// </summary>
internal interface IVerifierProvider : IDisposable
{
    /// <summary>The provider's name (pacts are selected by it) and where its HTTP endpoint is.</summary>
    void SetProviderInfo(string name, string scheme, string host, int port, string path);

    /// <summary>Sends interactions recorded with <paramref name="protocol"/> as their transport to this endpoint.</summary>
    void AddTransport(string protocol, int port, string path, string scheme);

    /// <summary>Where provider-state changes are posted (setup, and teardown when <paramref name="teardown"/>), with a JSON body.</summary>
    void SetProviderStateUrl(Uri url, bool teardown);

    /// <summary>The timeout of each request the verifier makes; coloured output off.</summary>
    void SetVerificationOptions(TimeSpan requestTimeout);

    void AddFileSource(string file);

    void AddDirectorySource(string directory);

    /// <summary>Verifies (blocking); true when the engine reports success.</summary>
    bool Execute();

    /// <summary>The human-readable report, without colours.</summary>
    string Output();

    /// <summary>The JSON report (<c>interactionResults</c>, <c>errors</c>).</summary>
    string JsonReport();
}
