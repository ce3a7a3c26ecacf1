namespace Shop.Contracts.Pact.Engine;

/// <summary>One pact under construction in the engine, holding synchronous-message interactions.</summary>
internal interface ISyncMessagePactDriver : IDisposable
{
    /// <summary>Adds an interaction named <paramref name="description"/> (unique within the pact).</summary>
    ISyncMessageInteractionDriver NewInteraction(string description);

    /// <summary>
    /// Each interaction's request as the engine stores it, as a message JSON (contents, metadata, body
    /// matching rules) that <see cref="IMessageMatcher"/> reads; keyed by description.
    /// </summary>
    IReadOnlyDictionary<string, string> ExpectedRequests();

    /// <summary>Merges the interactions into <c>&lt;consumer&gt;-&lt;provider&gt;.json</c> in <paramref name="directory"/>; returns its path.</summary>
    /// <param name="directory">Where the file goes.</param>
    /// <param name="then">Completes the written file (what the engine cannot record) before another test merges into it.</param>
    string WriteFile(string directory, Action<string>? then = null);
}
