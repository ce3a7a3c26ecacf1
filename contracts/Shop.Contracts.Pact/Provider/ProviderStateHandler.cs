namespace Shop.Contracts.Pact.Provider;

/// <summary>
/// Sets up (or tears down) a provider state named in a pact, e.g. "a user exists" with
/// <c>{ userId: "..." }</c>. Throw for a state you do not know: the interaction then fails with your message.
/// </summary>
public delegate Task ProviderStateHandler(string state, IReadOnlyDictionary<string, object?> parameters);
