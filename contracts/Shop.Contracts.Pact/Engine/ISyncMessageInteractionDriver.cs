namespace Shop.Contracts.Pact.Engine;

/// <summary>One synchronous-message interaction of a pact under construction. Bodies and metadata values may hold matcher JSON.</summary>
internal interface ISyncMessageInteractionDriver
{
    void Comment(string text);

    /// <summary>A provider state; <paramref name="parametersJson"/> is a JSON object or null for none.</summary>
    void Given(string state, string? parametersJson);

    void WithRequestBody(string contentType, string body);

    /// <summary>Request metadata; <paramref name="valueJson"/> is a JSON value (a quoted string or a matcher).</summary>
    void WithRequestMetadata(string key, string valueJson);

    /// <summary>Adds a response (an empty body keeps a response part that carries only metadata).</summary>
    void WithResponseBody(string contentType, string body);

    /// <summary>Response metadata, set after <see cref="WithResponseBody"/>.</summary>
    void WithResponseMetadata(string key, string valueJson);
}
