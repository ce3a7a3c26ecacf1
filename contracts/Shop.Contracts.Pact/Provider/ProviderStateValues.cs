namespace Shop.Contracts.Pact.Provider;

/// <summary>
/// The values a provider state makes, after it is set up, that the pact takes from it
/// (<c>Match.FromProviderState("${pageToken}", ...)</c>): what only the provider can know, such as the
/// token of a page. They answer the state change (as Pact's state-change protocol has it) and the
/// adapter puts them into the requests that name them. The state's parameters are available as they are.
/// </summary>
public delegate Task<IReadOnlyDictionary<string, string>> ProviderStateValues(string state, IReadOnlyDictionary<string, object?> parameters);
