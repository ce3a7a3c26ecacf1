namespace Shop.Contracts.Pact.Provider;

/// <summary>
/// The interaction whose request the verifier is about to replay, as a custom header sees it
/// (<see cref="GrpcPactVerifier.WithCustomHeader(string, Func{ProviderRequest, string})"/>): real
/// credentials often depend on it, e.g. a token for the user the provider state seeded.
/// </summary>
public sealed class ProviderRequest(string description, IReadOnlyList<string> states, IReadOnlyDictionary<string, object?> parameters)
{
    /// <summary>The interaction's description in the pact.</summary>
    public string Description { get; } = description;

    /// <summary>The names of its provider states, in order.</summary>
    public IReadOnlyList<string> States { get; } = states;

    /// <summary>The parameters of its provider states (a later state's parameter wins over an earlier one's of the same name).</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; } = parameters;
}
